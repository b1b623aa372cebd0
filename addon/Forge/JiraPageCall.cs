using ConnectAddon.Connect.Jwt;
using Microsoft.AspNetCore.Authentication;

namespace ConnectAddon.Forge;

/// <summary>
/// The routes a page of the app calls (the admin API, the issue panel's API, <c>/api/session</c>): from Jira's iframe
/// with a Connect context token (<c>Authorization: JWT …</c>), or from the Forge app's Custom UI through
/// <c>invokeRemote</c> with a Forge Invocation Token (<c>Authorization: Bearer …</c>). One policy scheme forwards to
/// the one the request carries, so either way the handler gets its <see cref="JiraCaller"/>.
/// </summary>
public static class JiraPageCall
{
    public const string Scheme = "jira-page-call";
    public const string ForgeScheme = "forge-invocation";

    public static AuthenticationBuilder AddJiraPageCall(this AuthenticationBuilder authentication) => authentication
        .AddScheme<AuthenticationSchemeOptions, ForgeInvocationAuthenticationHandler>(ForgeScheme, _ => { })
        .AddPolicyScheme(Scheme, "A Connect context token or a Forge Invocation Token", policy => policy.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? ForgeScheme
                : JiraJwtAuthentication.Context);

    /// <summary>The route group is called by the app's pages, in Connect or in Forge.</summary>
    public static RouteGroupBuilder RequireJiraPageCall(this RouteGroupBuilder group) => group.RequireAuthorization(Scheme);

    /// <summary>The route group is called by Forge itself (events, lifecycle, schedules).</summary>
    public static RouteGroupBuilder RequireForgeInvocation(this RouteGroupBuilder group) => group.RequireAuthorization(ForgeScheme);
}
