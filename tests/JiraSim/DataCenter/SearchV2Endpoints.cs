using System.Globalization;
using System.Text.Json.Nodes;
using JiraSim.Auth;
using JiraSim.Jql;
using JiraSim.Model;
using JiraSim.Rest;

namespace JiraSim.DataCenter;

/// <summary>
/// Data Center's JQL search, GET and POST <c>/rest/api/2/search</c> ("Search for issues using JQL", REST v2 9.12):
/// offset pages (<c>startAt</c>, <c>maxResults</c> 50 by default and at most 1,000, the default of the
/// <c>jira.search.views.default.max</c> property, which "dictates" the maximum) with a <c>total</c>, navigable fields unless <c>fields</c> says
/// otherwise, and no refusal of unbounded queries (an empty query is every issue). JQL dates are read in the site's
/// zone (<see cref="JqlDate"/>). The query language and the order are the Cloud search's (<see cref="JqlParser"/>).
/// </summary>
public static class SearchV2Endpoints
{
    private const int DefaultMaxResults = 50;
    private const int MaxResultsLimit = 1000;
    private static readonly string[] BodyMembers = ["jql", "startAt", "maxResults", "fields", "expand", "validateQuery", "properties", "fieldsByKeys"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search", (SimCaller caller, HttpRequest request) =>
        {
            var query = request.Query;
            if (Integer(query["startAt"].LastOrDefault(), "startAt", out var startAt) is { } badStart)
                return badStart;
            if (Integer(query["maxResults"].LastOrDefault(), "maxResults", out var maxResults) is { } badMax)
                return badMax;
            return Search(caller.Site, query["jql"].LastOrDefault() ?? "", startAt, maxResults, Split(query["fields"]), Split(query["properties"]));
        });
        api.MapPost("/search", async (SimCaller caller, HttpRequest request) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            if (error is not null)
                return error;
            if (body!.Select(m => m.Key).FirstOrDefault(k => !BodyMembers.Contains(k)) is { } unknown)
                return JiraErrors.BadRequest($"Unrecognized field \"{unknown}\" (Class com.atlassian.jira.rest.v2.search.SearchRequestBean), not marked as ignorable");
            try
            {
                return Search(caller.Site, Text(body!["jql"]) ?? "", Number(body["startAt"]), Number(body["maxResults"]), Strings(body["fields"]), Strings(body["properties"]));
            }
            catch (FormatException e)
            {
                return JiraErrors.BadRequest(e.Message);
            }
        });
    }

    private static IResult Search(SimSite site, string jql, int? startAt, int? maxResults, List<string> fieldNames, List<string> properties)
    {
        if (!JqlParser.TryParse(jql, out var query, out var syntaxError))
            return Refuse(syntaxError);
        var start = Math.Max(0, startAt ?? 0);
        var max = Math.Clamp(maxResults ?? DefaultMaxResults, 0, MaxResultsLimit);
        // Without fields, v2 search answers the navigable ones; "-description" alone means navigable but that.
        var fields = FieldSelection.Parse(
            fieldNames.Count == 0 ? ["*navigable"] : fieldNames.All(f => f.StartsWith('-')) ? ["*navigable", .. fieldNames] : fieldNames,
            allByDefault: false);
        lock (site.Sync)
        {
            if (!JqlBinder.TryBind(site, jql, query, out var search, out var error))
                return Refuse(error);
            var all = search.Run(site).ToList();
            var page = all.Skip(start).Take(max).Select(issue => (JsonNode)IssueJson.Render(site, issue, fields, properties)).ToArray();
            return Results.Json(new JsonObject
            {
                ["expand"] = "schema,names",
                ["startAt"] = start,
                ["maxResults"] = max,
                ["total"] = all.Count,
                ["issues"] = new JsonArray(page),
            });
        }
    }

    private static IResult Refuse(JqlError error) =>
        Results.Json(new { errorMessages = error.Messages, errors = new Dictionary<string, string>() }, statusCode: 400);

    private static IResult? Integer(string? text, string name, out int? value)
    {
        value = null;
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return JiraErrors.BadRequest($"The value '{text}' of '{name}' is not an integer.");
        value = number;
        return null;
    }

    private static List<string> Split(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static string? Text(JsonNode? node) => node is null ? null
        : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'jql' must be a string, not {node.ToJsonString()}.");

    private static int? Number(JsonNode? node) => node is null ? null
        : node is JsonValue v && v.TryGetValue<int>(out var n) ? n : throw new FormatException($"Expected an integer, not {node.ToJsonString()}.");

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => Split(array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException("'fields' and 'properties' must be arrays of strings."))),
        _ => throw new FormatException("'fields' and 'properties' must be arrays of strings."),
    };
}
