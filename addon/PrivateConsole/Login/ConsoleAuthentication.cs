using System.Security.Claims;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The console's session: a cookie scheme of its own, with a policy of the same name that names the scheme, so
/// neither the Jira JWT schemes of a public node nor any default scheme ever decide who reaches <c>/api/console</c>.
/// The cookie (encrypted by ASP.NET Core) names a session in <see cref="ConsoleSessionStore"/>, which every request
/// checks, so a session can be ended on the server. The cookie is a browser-session cookie (no expiry date),
/// HttpOnly, SameSite=Strict, and Secure whenever the request is https (behind a TLS-terminating proxy: set
/// <c>ReverseProxy:KnownProxies</c>). Each login opens a new session id; none is ever reused.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "console-cookie";
    public const string CookieName = "console_session";
    private const string SessionClaim = "console_session";

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
            // The store ends sessions (idle and absolute); the ticket's own expiry repeats the absolute bound.
            cookie.SlidingExpiration = false;
            // An API answers, it does not redirect to a login page.
            cookie.Events.OnRedirectToLogin = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Unauthorized("Log in to the console first (POST /console/login)."));
            cookie.Events.OnRedirectToAccessDenied = context => ApiErrorResult.WriteAsync(context.Response,
                ApiError.Forbidden("This console session may not do that."));
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<IOptions<ConsoleOptions>>((cookie, console) =>
            cookie.ExpireTimeSpan = console.Value.SessionLifetime);
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    public static RouteGroupBuilder RequireConsoleSession(this RouteGroupBuilder group) => group.RequireAuthorization(Scheme);

    /// <summary>Opens a new session for <paramref name="username"/> and gives this browser its cookie.</summary>
    public static async Task SignInAsync(HttpContext context, string username)
    {
        var sessions = context.RequestServices.GetRequiredService<ConsoleSessionStore>();
        var id = await sessions.OpenAsync(username, context.RequestAborted);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, username), new Claim(SessionClaim, id)], Scheme)));
    }

    /// <summary>Ends this browser's session, if it has one, on the server and in the browser.</summary>
    public static async Task SignOutAsync(HttpContext context)
    {
        var current = await context.AuthenticateAsync(Scheme);
        if (current.Principal?.FindFirstValue(SessionClaim) is { } id)
            await context.RequestServices.GetRequiredService<ConsoleSessionStore>().EndAsync(id, context.RequestAborted);
        await context.SignOutAsync(Scheme);
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var username = context.Principal?.FindFirstValue(ClaimTypes.Name);
        var id = context.Principal?.FindFirstValue(SessionClaim);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<ConsoleSessionStore>();
        if (username is null || id is null || !await sessions.IsOpenAsync(id, username, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
