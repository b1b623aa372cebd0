using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The browser a console user logged in from before ("device cookie", OWASP's "Slow Brute Force Attacks" advice): a
/// cookie signed and encrypted with the node's Data Protection keys, naming the user and when it was issued, sent only
/// to <c>/console/login</c>. A browser that holds it is not held back by the per-account login limit, so guessing from
/// elsewhere cannot lock the admin out of their own console. It opens nothing by itself: the password is still needed.
/// </summary>
public sealed class TrustedDevice(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "console_device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector protector = protection.CreateProtector("ConnectAddon.PrivateConsole.TrustedDevice.v1");

    /// <summary>Whether the request's browser logged in as <paramref name="username"/> within <see cref="Lifetime"/>.</summary>
    public bool Holds(HttpRequest request, string username)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 and < 2048 } value)
            return false;
        try
        {
            var parts = protector.Unprotect(value).Split('|', 2);
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs)
                   && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs) < Lifetime
                   && string.Equals(parts[1], username, StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // not ours, tampered, or made with keys this node no longer has
        }
    }

    /// <summary>Gives the browser that just logged in as <paramref name="username"/> the cookie.</summary>
    public void Issue(HttpResponse response, string username)
    {
        var now = clock.GetUtcNow();
        response.Cookies.Append(CookieName, protector.Protect(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "|" + username), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = response.HttpContext.Request.PathBase + "/console/login",
            Expires = now + Lifetime,
            IsEssential = true,
        });
    }
}
