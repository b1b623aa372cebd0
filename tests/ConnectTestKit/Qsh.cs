using System.Security.Cryptography;
using System.Text;

namespace ConnectAddon.TestKit;

/// <summary>
/// The query string hash, computed here independently of the app for the simple requests tests and benchmarks
/// send (paths and queries without characters that need encoding). Tricky inputs are tested against the app's
/// implementation with canonical strings written out by hand.
/// </summary>
public static class Qsh
{
    public static string Of(string method, string path, params (string Name, string Value)[] query)
    {
        var canonicalQuery = string.Join('&', query
            .GroupBy(p => Uri.EscapeDataString(p.Name))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + string.Join(',', g.Select(p => p.Value).Order(StringComparer.Ordinal).Select(Uri.EscapeDataString))));
        var canonical = method.ToUpperInvariant() + "&" + path + "&" + canonicalQuery;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
