using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JiraSim.Jql;

/// <summary>
/// The parameters of <c>/rest/api/3/search/jql</c>, from the POST body (SearchAndReconcileRequestBean, which allows no
/// other members) or the GET query string (lists comma-separated or repeated). <c>fieldsByKeys</c>, <c>failFast</c>
/// and <c>reconcileIssues</c> are checked and then ignored: the simulator's search never lags behind writes, so
/// there is nothing to reconcile.
/// </summary>
public sealed record SearchRequest(string Jql, string? NextPageToken, int? MaxResults, IReadOnlyList<string> Fields, string? Expand, IReadOnlyList<string> Properties)
{
    private const int MaxProperties = 5;
    private const int MaxReconcileIssues = 50;
    private static readonly string[] BodyMembers = ["jql", "nextPageToken", "maxResults", "fields", "expand", "properties", "fieldsByKeys", "reconcileIssues"];

    public static (SearchRequest? Request, string? Error) FromBody(JsonObject body)
    {
        if (body.Select(m => m.Key).FirstOrDefault(k => !BodyMembers.Contains(k)) is { } unknown)
            return (null, $"Unrecognized field \"{unknown}\" (class SearchAndReconcileRequestBean), not marked as ignorable.");
        try
        {
            var properties = Split(Strings(body, "properties"));
            var reconcile = body["reconcileIssues"] switch
            {
                null => [],
                JsonArray ids => ids.Select(id => id is null ? throw new FormatException("'reconcileIssues' must hold issue ids, not null.") : Read<long>(id, "reconcileIssues")).ToList(),
                _ => throw new FormatException("'reconcileIssues' must be an array of issue ids."),
            };
            if (body["fieldsByKeys"] is { } byKeys)
                Read<bool>(byKeys, "fieldsByKeys");
            return Checked(new SearchRequest(
                Read<string>(body["jql"], "jql") ?? "",
                Read<string>(body["nextPageToken"], "nextPageToken"),
                body["maxResults"] is { } max ? Read<int>(max, "maxResults") : null,
                Split(Strings(body, "fields")),
                Read<string>(body["expand"], "expand"),
                properties), reconcile.Count);
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }
    }

    public static (SearchRequest? Request, string? Error) FromQuery(IQueryCollection query)
    {
        int? maxResults = null;
        if (query["maxResults"].LastOrDefault() is { } text)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var max))
                return (null, $"The value '{text}' of 'maxResults' is not an integer.");
            maxResults = max;
        }
        var reconcile = Split(query["reconcileIssues"]);
        if (reconcile.FirstOrDefault(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } bad)
            return (null, $"The value '{bad}' of 'reconcileIssues' is not an issue id.");
        foreach (var flag in new[] { "fieldsByKeys", "failFast" })
            if (query[flag].LastOrDefault() is { } value && !bool.TryParse(value, out _))
                return (null, $"The value '{value}' of '{flag}' is not true or false.");
        return Checked(new SearchRequest(
            query["jql"].LastOrDefault() ?? "",
            query["nextPageToken"].LastOrDefault() is { Length: > 0 } token ? token : null,
            maxResults,
            Split(query["fields"]),
            query["expand"].LastOrDefault(),
            Split(query["properties"])), reconcile.Count);
    }

    private static (SearchRequest?, string?) Checked(SearchRequest request, int reconcileIssues) =>
        request.Properties.Count > MaxProperties ? (null, $"At most {MaxProperties} issue properties can be requested.")
        : reconcileIssues > MaxReconcileIssues ? (null, $"At most {MaxReconcileIssues} issue ids can be given in 'reconcileIssues'.")
        : (request, null);

    private static List<string> Split(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static IEnumerable<string?> Strings(JsonObject body, string name) => body[name] switch
    {
        null => [],
        JsonArray array => array.Select(item => Read<string>(item, name)),
        _ => throw new FormatException($"'{name}' must be an array of strings."),
    };

    private static T? Read<T>(JsonNode? node, string name)
    {
        if (node is null)
            return default;
        if (node is JsonValue value && value.GetValueKind() is var kind
            && (typeof(T) == typeof(string) ? kind == JsonValueKind.String
                : typeof(T) == typeof(bool) ? kind is JsonValueKind.True or JsonValueKind.False
                : kind == JsonValueKind.Number) && value.TryGetValue<T>(out var result))
            return result;
        var expected = typeof(T) == typeof(string) ? "a string" : typeof(T) == typeof(bool) ? "true or false" : "an integer";
        throw new FormatException($"'{name}' must be {expected}, not {node.ToJsonString()}.");
    }
}
