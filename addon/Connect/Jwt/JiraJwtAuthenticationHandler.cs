using System.Security.Claims;
using System.Text.Encodings.Web;
using ConnectAddon.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// Jira JWT as an ASP.NET Core authentication scheme, so route groups carry it as their authorization policy and it
/// runs before parameter binding. On success the <see cref="JiraCaller"/> is kept for handlers; on failure the
/// challenge answers with the reason as JSON.
/// </summary>
public sealed class JiraJwtAuthenticationHandler(
    IOptionsMonitor<JiraJwtAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, JiraRequestVerifier verifier)
    : AuthenticationHandler<JiraJwtAuthenticationOptions>(options, logger, encoder)
{
    private const string RefusalKey = "ConnectAddon.JwtRefusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var caller = await verifier.VerifyAsync(Context, Options.QshPolicy);
        if (!caller.IsSuccess)
        {
            Context.Items[RefusalKey] = caller.Error;
            return AuthenticateResult.Fail(caller.Error.Message);
        }
        Context.Features.Set(caller.Value);
        Claim[] claims = caller.Value.AccountId is { } account
            ? [new("iss", caller.Value.Tenant.ClientKey), new("sub", account)]
            : [new("iss", caller.Value.Tenant.ClientKey)];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrorResult.WriteAsync(Response, Context.Items[RefusalKey] as ApiError ?? JwtRefusal.Because("A Jira JWT is required."));
}
