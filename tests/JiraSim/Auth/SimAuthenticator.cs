using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JiraSim.Model;
using Microsoft.AspNetCore.Http.Features;

namespace JiraSim.Auth;

/// <summary>
/// Authenticates a REST request the ways Jira Cloud accepts: a Connect app's JWT (HS256 with the installation's
/// shared secret, <c>iss</c> = the app key, <c>qsh</c> of this request, not expired), HTTP basic with an email and
/// API token, or a bearer personal access token. Anything else is 401.
/// </summary>
public static class SimAuthenticator
{
    public static (SimCaller? Caller, string? Refusal) Authenticate(HttpContext http, SimSite site)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("JWT ", StringComparison.OrdinalIgnoreCase))
            return Jwt(http, site, header[4..].Trim());
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Basic(site, header[6..].Trim());
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Bearer(site, header[7..].Trim());
        return (null, "Client must be authenticated to access this resource.");
    }

    /// <summary>
    /// At a Forge app's API base URL: only the app token Forge gave the app's remote (<c>Authorization: Bearer</c>,
    /// "Calling product APIs from a remote"); the caller is the app's own user.
    /// </summary>
    public static (SimCaller? Caller, string? Refusal) ForgeAppToken(HttpContext http, SimSite site, Forge.ForgeRuntime forge)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return (null, "Client must be authenticated to access this resource.");
        var token = header[7..].Trim();
        var install = forge.InstallsOn(site).FirstOrDefault(i => i.Accepts(token));
        return install is null ? (null, "The access token is not valid.") : (new SimCaller(site, install.AppUser, null), null);
    }

    private static (SimCaller?, string?) Basic(SimSite site, string encoded)
    {
        string decoded;
        try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)); }
        catch (FormatException) { return (null, "Basic authentication is malformed."); }
        var colon = decoded.IndexOf(':');
        if (colon < 0)
            return (null, "Basic authentication is malformed.");
        var (email, token) = (decoded[..colon], decoded[(colon + 1)..]);
        lock (site.Sync)
        {
            var user = site.Users.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase) && u.ApiTokens.Contains(token));
            return user is null ? (null, "Basic authentication with passwords is deprecated or the API token is wrong.") : (new SimCaller(site, user, null), null);
        }
    }

    private static (SimCaller?, string?) Bearer(SimSite site, string token)
    {
        lock (site.Sync)
        {
            var user = site.Users.FirstOrDefault(u => u.PersonalAccessTokens.Contains(token));
            return user is null ? (null, "The personal access token is not valid.") : (new SimCaller(site, user, null), null);
        }
    }

    private static (SimCaller?, string?) Jwt(HttpContext http, SimSite site, string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
            return (null, "JWT is malformed.");
        JsonElement header, claims;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return (null, "JWT is malformed.");
        }
        if (!header.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256")
            return (null, "JWT must be signed with HS256.");
        if (!claims.TryGetProperty("iss", out var iss) || iss.ValueKind != JsonValueKind.String)
            return (null, "JWT has no issuer.");

        SimApp? app;
        SimUser? appUser;
        lock (site.Sync)
        {
            app = site.Apps.GetValueOrDefault(iss.GetString()!);
            appUser = app is null ? null : site.FindUser(app.UserAccountId);
        }
        if (app is null || appUser is null || !app.Enabled)
            return (null, $"No app with key '{iss.GetString()}' is installed on this site.");

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(app.SharedSecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        byte[] signature;
        try { signature = Base64Url(parts[2]); }
        catch (FormatException) { return (null, "JWT signature is malformed."); }
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
            return (null, "JWT signature is not valid.");

        var now = site.Clock.GetUtcNow().ToUnixTimeSeconds();
        if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || exp.GetInt64() < now)
            return (null, "JWT has expired.");
        if (!claims.TryGetProperty("qsh", out var qsh) || qsh.ValueKind != JsonValueKind.String)
            return (null, "JWT has no qsh.");

        var (rawPath, rawQuery) = RawTarget(http);
        var computed = CanonicalRequest.Qsh(http.Request.Method, rawPath, rawQuery, site.BaseUrl.AbsolutePath.TrimEnd('/'));
        if (qsh.GetString() != computed)
            return (null, "JWT qsh does not match the request.");
        return (new SimCaller(site, appUser, app), null);
    }

    private static (string Path, string Query) RawTarget(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
            return (http.Request.PathBase + http.Request.Path.ToUriComponent(), http.Request.QueryString.ToUriComponent());
        var question = raw.IndexOf('?');
        return question < 0 ? (raw, "") : (raw[..question], raw[question..]);
    }

    private static byte[] Base64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
