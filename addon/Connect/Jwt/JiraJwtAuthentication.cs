namespace ConnectAddon.Connect.Jwt;

/// <summary>The two ways a route can trust Jira, as named schemes and policies for route groups.</summary>
public static class JiraJwtAuthentication
{
    /// <summary>Webhooks, page loads, enabled/disabled: the qsh must match the exact request.</summary>
    public const string Request = "jira-jwt";

    /// <summary>The app's page APIs: context tokens (<c>qsh = context-qsh</c>) are accepted too (through <c>Forge.JiraPageCall</c>).</summary>
    public const string Context = "jira-context-jwt";

    public static IServiceCollection AddJiraJwtAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<JiraRequestVerifier>();
        services.AddAuthentication()
            .AddScheme<JiraJwtAuthenticationOptions, JiraJwtAuthenticationHandler>(Request, o => o.QshPolicy = QshPolicy.ExactRequest)
            .AddScheme<JiraJwtAuthenticationOptions, JiraJwtAuthenticationHandler>(Context, o => o.QshPolicy = QshPolicy.ContextAllowed);
        services.AddAuthorizationBuilder()
            .AddPolicy(Request, p => p.AddAuthenticationSchemes(Request).RequireAuthenticatedUser())
            .AddPolicy(Context, p => p.AddAuthenticationSchemes(Context).RequireAuthenticatedUser());
        return services;
    }

    public static RouteGroupBuilder RequireJiraJwt(this RouteGroupBuilder group) => group.RequireAuthorization(Request);
    // Routes the app's pages call accept Forge Invocation Tokens as well: Forge.JiraPageCall.RequireJiraPageCall.
}
