using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSim.Jql;

/// <summary>
/// The opaque <c>nextPageToken</c> of JQL enhanced search: base64url of the sort key of the last issue returned and
/// a hash of the query, so that a token presented with another query is refused rather than misread.
/// ("Issue search: Search for issues using JQL enhanced search": the first page has none; the last page gives none.)
/// </summary>
public static class SearchPageToken
{
    public const string InvalidMessage = "The nextPageToken is invalid: it is malformed or belongs to a different JQL query.";

    public static string Create(string jql, IReadOnlyList<object> after)
    {
        var key = new JsonArray(after.Select(v => v is long n ? JsonValue.Create(n) : (JsonNode?)JsonValue.Create((string)v)).ToArray());
        var json = new JsonObject { ["q"] = Hash(jql), ["after"] = key }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryRead(string token, string jql, [NotNullWhen(true)] out IReadOnlyList<object>? after)
    {
        after = null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("q", out var q) || q.ValueKind != JsonValueKind.String || q.GetString() != Hash(jql)
                || !root.TryGetProperty("after", out var key) || key.ValueKind != JsonValueKind.Array)
                return false;
            var values = new List<object>();
            foreach (var item in key.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                    values.Add(item.GetString()!);
                else if (item.ValueKind == JsonValueKind.Number && item.TryGetInt64(out var number))
                    values.Add(number);
                else
                    return false;
            }
            after = values;
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    private static string Hash(string jql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jql)))[..16];
}
