using System.Security.Cryptography;
using System.Text;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// The <c>qsh</c> claim of Atlassian Connect JWTs: lowercase hex SHA-256 of the canonical request
/// <c>METHOD&amp;PATH&amp;QUERY</c> ("Understanding JWT for Connect apps", section "Creating a query string hash").
/// The same code signs our requests to Jira and verifies Jira's requests to us.
/// </summary>
public static class QueryStringHash
{
    /// <summary>The fixed claim of context tokens made by <c>AP.context.getToken()</c> (the context-qsh API migration).</summary>
    public const string ContextQsh = "context-qsh";

    public static string Compute(string method, string rawPath, string rawQuery, string basePath) =>
        Hash(CanonicalRequest(method, rawPath, rawQuery, basePath));

    /// <summary>The qsh of an outgoing request to <paramref name="target"/>, relative to a site whose base URL is <paramref name="siteBaseUrl"/>.</summary>
    public static string Compute(string method, Uri target, Uri siteBaseUrl) =>
        Compute(method, target.AbsolutePath, target.Query, siteBaseUrl.AbsolutePath);

    public static string Hash(string canonicalRequest) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    public static string CanonicalRequest(string method, string rawPath, string rawQuery, string basePath) =>
        method.ToUpperInvariant() + "&" + CanonicalPath(rawPath, basePath) + "&" + CanonicalQuery(rawQuery);

    /// <summary>
    /// The path as it was sent (still percent-encoded: we hash what the signer hashed, never ASP.NET's decoded
    /// <c>Path</c>), relative to the base URL's own path; empty becomes "/", a trailing "/" is dropped except for
    /// the root, and a literal "&amp;" is written "%26" so it cannot be confused with the separators.
    /// </summary>
    public static string CanonicalPath(string rawPath, string basePath)
    {
        var path = rawPath;
        var prefix = basePath.TrimEnd('/');
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal)
            && (path.Length == prefix.Length || path[prefix.Length] == '/'))
            path = path[prefix.Length..];
        if (path.Length == 0)
            path = "/";
        if (path.Length > 1 && path.EndsWith('/'))
            path = path.TrimEnd('/');
        if (path.Length == 0)
            path = "/";
        if (!path.StartsWith('/'))
            path = "/" + path;
        return path.Replace("&", "%26", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every parameter but <c>jwt</c>: form-decoded ('+' is a space), then each name and value percent-encoded per
    /// RFC 3986 (unreserved characters kept, so '~' stays and '*' becomes %2A). Sorted by encoded name; repeated
    /// names keep all their values, sorted as decoded text before encoding, joined with ','.
    /// </summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (query.Length == 0)
            return "";

        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
                continue;
            var equals = pair.IndexOf('=');
            var name = FormDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : FormDecode(pair[(equals + 1)..]);
            if (name == "jwt")
                continue;
            if (!parameters.TryGetValue(name, out var values))
                parameters[name] = values = [];
            values.Add(value);
        }

        return string.Join('&', parameters
            .Select(p => (Name: Encode(p.Key), Values: p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + string.Join(',', p.Values.Order(StringComparer.Ordinal).Select(Encode))));
    }

    private static string FormDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    // Uri.EscapeDataString keeps exactly RFC 3986's unreserved set (ALPHA DIGIT - . _ ~) and encodes UTF-8 bytes
    // as upper-case %XX, which is what Atlassian's reference implementations produce.
    private static string Encode(string text) => Uri.EscapeDataString(text);
}
