using System.Security.Claims;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The console's session: a cookie scheme of its own, with a policy of the same name that names the scheme, so
/// neither the Jira JWT schemes of a public node nor any default scheme ever decide who reaches <c>/api/console</c>.
/// The cookie holds only a session key; the session itself lives in <see cref="ConsoleSessionStore"/>, so it can be
/// ended on the server. The cookie is a browser-session cookie (no expiry date), HttpOnly, SameSite=Strict, and Secure
/// whenever the request is https (behind a TLS-terminating proxy: set <c>ReverseProxy:KnownProxies</c>).
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "console-cookie";
    public const string CookieName = "console_session";

    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleSessionStore>();
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            // The store ends sessions (idle and absolute); the ticket's own expiry is the absolute bound as well.
            cookie.SlidingExpiration = false;
            // An API answers, it does not redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Unauthorized("Log in to the console first (POST /console/login)."));
            cookie.Events.OnRedirectToAccessDenied = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Forbidden("This console session may not do that."));
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<ConsoleSessionStore, IOptions<ConsoleOptions>>((cookie, store, console) =>
        {
            cookie.SessionStore = store;
            cookie.ExpireTimeSpan = console.Value.SessionLifetime;
        });
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static RouteGroupBuilder RequireConsoleSession(this RouteGroupBuilder group) => group.RequireAuthorization(Scheme);

    public static ClaimsPrincipal PrincipalFor(string username) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], Scheme));
}
