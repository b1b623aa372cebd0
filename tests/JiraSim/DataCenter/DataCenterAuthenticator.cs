using System.Text;
using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.DataCenter;

/// <summary>
/// Authenticates a REST call to a Data Center site as Jira Data Center does: <c>Authorization: Bearer</c> with a
/// personal access token ("Using Personal Access Tokens", Jira 8.14+), or HTTP basic with username and password
/// ("Basic authentication", developer.atlassian.com/server/jira/platform/basic-authentication/) unless the site
/// turns basic authentication off ("Disabling basic authentication": Jira 8.16+ can; Jira 11 ships with it off, as
/// jira.js's Data Center guide records).
/// There is no Connect JWT and no Forge on Data Center.
/// </summary>
public static class DataCenterAuthenticator
{
    public const string NotAuthenticated = "You are not authenticated. Authentication required to perform this operation.";
    public const string BasicDisabled = "Basic Authentication has been disabled on this instance.";

    public static (SimCaller? Caller, IResult? Refusal) Authenticate(HttpContext http, SimSite site)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Found(site, u => u.PersonalAccessTokens.Contains(header[7..].Trim()), http, basic: false);
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // With basic authentication off, Jira's authentication filter refuses every basic call before it checks
            // the password ("Disabling basic authentication"; the answer is a 403 with this message).
            if (!site.BasicAuth)
                return (null, Results.Json(new { message = BasicDisabled }, statusCode: 403));
            if (Credentials(header[6..].Trim()) is not var (name, password))
                return (null, Refused(http, basic: true));
            return Found(site, u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase) && u.Password is { } p && p == password, http, basic: true);
        }
        return (null, Rest.JiraErrors.Unauthorized(NotAuthenticated));
    }

    private static (SimCaller?, IResult?) Found(SimSite site, Func<SimUser, bool> matches, HttpContext http, bool basic)
    {
        lock (site.Sync)
            return site.Users.FirstOrDefault(matches) is { } user ? (new SimCaller(site, user, null), null) : (null, Refused(http, basic));
    }

    /// <summary>
    /// Wrong credentials: 401, and for basic the header Seraph (Jira's login filter) sets, <c>X-Seraph-LoginReason:
    /// AUTHENTICATED_FAILED</c> ("Basic authentication": "the response will contain … X-Seraph-LoginReason").
    /// </summary>
    private static IResult Refused(HttpContext http, bool basic)
    {
        if (basic)
            http.Response.Headers["X-Seraph-LoginReason"] = "AUTHENTICATED_FAILED";
        http.Response.Headers.WWWAuthenticate = basic ? "Basic realm=\"protected-area\"" : "Bearer";
        return Rest.JiraErrors.Unauthorized(NotAuthenticated);
    }

    private static (string Name, string Password)? Credentials(string encoded)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':');
            return colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
