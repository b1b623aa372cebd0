using System.Security.Claims;
using System.Text.Encodings.Web;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Forge.Jwt;
using ConnectAddon.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Forge;

/// <summary>
/// Forge Invocation Tokens as an authentication scheme (<c>Authorization: Bearer &lt;FIT&gt;</c>): verified, the site's
/// tenant and installation recorded, the app token that came with the call (<c>x-forge-oauth-system</c>) kept, and the
/// call made available as a <see cref="ForgeInvocation"/> and, with a tenant, as the same <see cref="JiraCaller"/> a
/// Connect context token gives, so the admin and issue APIs serve both apps alike. A refusal is a 401 with the reason;
/// the reason is logged, at most once a minute.
/// </summary>
public sealed class ForgeInvocationAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    InvocationTokenVerifier verifier, ForgeInstallations installations, RefusalLog refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SystemTokenHeader = "x-forge-oauth-system";
    private const string RefusalKey = "ConnectAddon.ForgeRefusal";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var verified = await verifier.VerifyAsync(token, Context.RequestAborted);
        if (!verified.IsSuccess)
        {
            Context.Items[RefusalKey] = verified.Error;
            refusals.Refused($"a Forge call to {Request.Method} {Request.Path}", verified.Error.Message);
            return AuthenticateResult.Fail(verified.Error.Message);
        }

        var tenant = await installations.AttachAsync(verified.Value, Context.RequestAborted);
        if (tenant is not null && Request.Headers[SystemTokenHeader].ToString() is { Length: > 0 and <= 8192 } appToken)
            tenant = await installations.StoreTokenAsync(tenant, appToken, Context.RequestAborted);
        Context.Features.Set(new ForgeInvocation(verified.Value, tenant));
        if (tenant is not null)
            Context.Features.Set(new JiraCaller(tenant, verified.Value.Principal, IsContextToken: true));

        List<Claim> claims = [new("installation", verified.Value.InstallationId)];
        if (verified.Value.Principal is { } principal)
            claims.Add(new Claim("sub", principal));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiErrorResult.WriteAsync(Response, Context.Items[RefusalKey] as ApiError ?? JwtRefusal.Because("A Forge Invocation Token is required."));
}
