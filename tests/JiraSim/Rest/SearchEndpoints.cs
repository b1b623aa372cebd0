using System.Text.Json.Nodes;
using JiraSim.Auth;
using JiraSim.Jql;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// JQL search, GET and POST <c>/search/jql</c> ("Issue search: Search for issues using JQL enhanced search"): pages
/// by <c>nextPageToken</c>/<c>isLast</c>, ids only unless <c>fields</c> are asked for, bounded queries only. The old
/// <c>/search</c> answers 410 with Jira's message (DESIGN §7a; Atlassian changelog CHANGE-2046).
/// </summary>
public static class SearchEndpoints
{
    private const int DefaultMaxResults = 50;
    /// <summary>Jira: "The greatest number of items returned per page is achieved when requesting id or key only. It returns max 5000 issues."</summary>
    private const int MaxIdsPerPage = 5000;
    /// <summary>Jira "may return fewer items per page where a large number of fields are requested"; the simulator returns at most 100.</summary>
    private const int MaxIssuesWithFieldsPerPage = 100;
    private const string Removed = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    private const string Unbounded = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";

    private static readonly Dictionary<string, string> DisplayNames = new()
    {
        ["summary"] = "Summary", ["description"] = "Description", ["issuetype"] = "Issue Type", ["project"] = "Project",
        ["labels"] = "Labels", ["reporter"] = "Reporter", ["creator"] = "Creator", ["created"] = "Created",
        ["updated"] = "Updated", ["status"] = "Status", ["comment"] = "Comment", ["attachment"] = "Attachment",
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/search/jql", (SimCaller caller, HttpRequest request) => Respond(caller.Site, SearchRequest.FromQuery(request.Query)));
        api.MapPost("/search/jql", async (SimCaller caller, HttpRequest request) =>
        {
            var (body, error) = await RequestJson.ReadObjectAsync(request);
            return error ?? Respond(caller.Site, SearchRequest.FromBody(body!));
        });
        api.MapGet("/search", () => JiraErrors.Status(410, Removed));
        api.MapPost("/search", () => JiraErrors.Status(410, Removed));
    }

    private static IResult Respond(SimSite site, (SearchRequest? Request, string? Error) parsed) =>
        parsed.Request is { } request ? Search(site, request) : JiraErrors.BadRequest(parsed.Error!);

    private static IResult Search(SimSite site, SearchRequest request)
    {
        if (!JqlParser.TryParse(request.Jql, out var query, out var syntaxError))
            return Refuse(syntaxError);
        if (query.Where is null)
            return JiraErrors.BadRequest(Unbounded);
        IReadOnlyList<object>? after = null;
        if (request.NextPageToken is { } token && !SearchPageToken.TryRead(token, request.Jql, out after))
            return JiraErrors.BadRequest(SearchPageToken.InvalidMessage);

        var idsOnly = request.Fields.All(f => f == "id");
        var max = Math.Clamp(request.MaxResults ?? DefaultMaxResults, 1,
            request.Fields.All(f => f is "id" or "key") ? MaxIdsPerPage : MaxIssuesWithFieldsPerPage);
        // "-description" alone means all navigable fields but the description, as on GET issue.
        var fields = FieldSelection.Parse(
            request.Fields.Count > 0 && request.Fields.All(f => f.StartsWith('-')) ? ["*navigable", .. request.Fields] : request.Fields,
            allByDefault: false);

        lock (site.Sync)
        {
            if (!JqlBinder.TryBind(site, request.Jql, query, out var search, out var error))
                return Refuse(error);
            if (after is not null && !search.Order.Fits(after))
                return JiraErrors.BadRequest(SearchPageToken.InvalidMessage);
            var page = search.Run(site, after).Take(max + 1).ToList();
            var isLast = page.Count <= max;
            if (!isLast)
                page.RemoveAt(max);

            var json = new JsonObject
            {
                ["issues"] = new JsonArray(page.Select(issue => (JsonNode)(idsOnly
                    ? new JsonObject { ["id"] = issue.Id }
                    : IssueJson.Render(site, issue, fields, request.Properties))).ToArray()),
            };
            if (!isLast)
                json["nextPageToken"] = SearchPageToken.Create(request.Jql, search.Order.Key(page[^1]));
            json["isLast"] = isLast;
            // SearchAndReconcileResults carries "names" once for the page, not per issue.
            if (!idsOnly && (request.Expand ?? "").Split(',', StringSplitOptions.TrimEntries).Contains("names"))
                json["names"] = new JsonObject(DisplayNames.Where(n => fields.Includes(n.Key)).Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value)));
            return Results.Json(json);
        }
    }

    private static IResult Refuse(JqlError error) =>
        Results.Json(new { errorMessages = error.Messages, errors = new Dictionary<string, string>() }, statusCode: 400);
}
