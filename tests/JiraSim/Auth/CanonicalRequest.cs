using System.Security.Cryptography;
using System.Text;

namespace JiraSim.Auth;

/// <summary>
/// The qsh as Jira computes it when it verifies an app's request ("Understanding JWT for Connect apps").
/// Written independently of the app's own implementation on purpose: the simulator is the app's oracle, and two
/// copies of one bug would agree with each other.
/// </summary>
public static class CanonicalRequest
{
    public static string Qsh(string method, string rawPath, string rawQuery, string sitePathPrefix)
    {
        var path = rawPath;
        if (sitePathPrefix.Length > 0 && path.StartsWith(sitePathPrefix, StringComparison.Ordinal))
            path = path[sitePathPrefix.Length..];
        if (path.Length > 1)
            path = path.TrimEnd('/');
        if (path.Length == 0)
            path = "/";
        path = path.Replace("&", "%26");

        var pairs = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = part.Split('=', 2);
            var name = Decode(split[0]);
            if (name == "jwt")
                continue;
            var encodedName = Uri.EscapeDataString(name);
            if (!pairs.TryGetValue(encodedName, out var values))
                pairs[encodedName] = values = [];
            values.Add(split.Length > 1 ? Decode(split[1]) : "");
        }
        var query = string.Join("&", pairs.Select(p =>
        {
            p.Value.Sort(StringComparer.Ordinal);
            return p.Key + "=" + string.Join(",", p.Value.Select(Uri.EscapeDataString));
        }));

        var canonical = method.ToUpperInvariant() + "&" + path + "&" + query;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace("+", " "));
}
