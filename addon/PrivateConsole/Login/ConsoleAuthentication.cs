using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The console's session: a cookie scheme of its own, with a policy of the same name that names the scheme, so
/// neither the Jira JWT schemes of a public node nor any default scheme ever decide who reaches <c>/api/console</c>.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "console-cookie";
    public const string CookieName = "console_session";

    // Ties a session to the password it was opened with: changing Console:AdminPassword ends every open session.
    private const string CredentialClaim = "console_credential";

    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            // An API answers, it does not redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Unauthorized("Log in to the console first (POST /console/login)."));
            cookie.Events.OnRedirectToAccessDenied = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Forbidden("This console session may not do that."));
            cookie.Events.OnValidatePrincipal = ValidateCredentialAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static RouteGroupBuilder RequireConsoleSession(this RouteGroupBuilder group) => group.RequireAuthorization(Scheme);

    public static ClaimsPrincipal PrincipalFor(string username, string passwordHash) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, username), new Claim(CredentialClaim, Fingerprint(passwordHash))], Scheme));

    private static async Task ValidateCredentialAsync(CookieValidatePrincipalContext context)
    {
        var username = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var fingerprint = context.Principal?.FindFirstValue(CredentialClaim);
        var credentials = context.HttpContext.RequestServices.GetRequiredService<ConsoleCredentialStore>();
        var stored = username is null ? null : await credentials.FindHashAsync(username, context.HttpContext.RequestAborted);
        if (stored is null || fingerprint is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Fingerprint(stored)), Encoding.ASCII.GetBytes(fingerprint)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    private static string Fingerprint(string passwordHash) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..32];
}
