using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>Comments of an issue (REST v3 "Issue comments", and Data Center v2's with wiki-markup bodies), paged with startAt/maxResults.</summary>
public static class CommentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/issue/{issueIdOrKey}/comment", List);
        api.MapPost("/issue/{issueIdOrKey}/comment", Add);
        api.MapGet("/issue/{issueIdOrKey}/comment/{id}", Get);
        api.MapPut("/issue/{issueIdOrKey}/comment/{id}", Update);
        api.MapDelete("/issue/{issueIdOrKey}/comment/{id}", Delete);
    }

    private static IResult List(string issueIdOrKey, SimCaller caller, int? startAt, int? maxResults, string? orderBy)
    {
        var site = caller.Site;
        lock (site.Sync)
        {
            var issue = site.FindIssue(issueIdOrKey);
            if (issue is null)
                return JiraErrors.IssueNotFound();
            var start = Math.Max(0, startAt ?? 0);
            var max = Math.Clamp(maxResults ?? 5000, 0, 5000);
            var ordered = orderBy is "-created" ? issue.Comments.AsEnumerable().Reverse() : issue.Comments;
            var page = ordered.Skip(start).Take(max).Select(c => SiteJson.Comment(site, issue, c)).ToList();
            return Results.Json(new { startAt = start, maxResults = max, total = issue.Comments.Count, comments = page });
        }
    }

    private static IResult Get(string issueIdOrKey, string id, SimCaller caller)
    {
        var site = caller.Site;
        lock (site.Sync)
        {
            var issue = site.FindIssue(issueIdOrKey);
            if (issue is null)
                return JiraErrors.IssueNotFound();
            var comment = issue.Comments.FirstOrDefault(c => c.Id == id);
            return comment is null ? JiraErrors.Status(404, "Can not find a comment for the id: " + id + ".") : Results.Json(SiteJson.Comment(site, issue, comment));
        }
    }

    private static async Task<IResult> Add(string issueIdOrKey, SimCaller caller, HttpRequest request)
    {
        var site = caller.Site;
        SimIssue? issue;
        lock (site.Sync)
            issue = site.FindIssue(issueIdOrKey);
        if (issue is null)
            return JiraErrors.IssueNotFound();
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (InvalidBody(site, body!["body"]) is { } invalid)
            return JiraErrors.Field(400, "comment", invalid);
        var comment = site.AddComment(caller.User, issue, body["body"]!);
        if (comment is null)
            return JiraErrors.Status(413, $"The issue has reached the limit of {site.Limits.CommentsPerIssue} comments.");
        lock (site.Sync)
            return Results.Json(SiteJson.Comment(site, issue, comment), statusCode: 201);
    }

    private static async Task<IResult> Update(string issueIdOrKey, string id, SimCaller caller, HttpRequest request)
    {
        var site = caller.Site;
        var (issue, comment, missing) = FindComment(site, issueIdOrKey, id);
        if (missing is not null)
            return missing;
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (InvalidBody(site, body!["body"]) is { } invalid)
            return JiraErrors.Field(400, "comment", invalid);
        site.UpdateComment(caller.User, issue, comment, body["body"]!);
        lock (site.Sync)
            return Results.Json(SiteJson.Comment(site, issue, comment));
    }

    private static IResult Delete(string issueIdOrKey, string id, SimCaller caller)
    {
        var site = caller.Site;
        var (issue, comment, missing) = FindComment(site, issueIdOrKey, id);
        if (missing is not null)
            return missing;
        site.DeleteComment(caller.User, issue, comment);
        return Results.NoContent();
    }

    // Data Center refuses an empty comment in these words ("Comment body can not be empty!"); Cloud's ADF check covers null.
    private static string? InvalidBody(SimSite site, System.Text.Json.Nodes.JsonNode? body) =>
        site.IsDataCenter && (body is null || body.ToString().Trim().Length == 0) ? "Comment body can not be empty!" : RichText.Invalid(site, body);

    /// <summary>The issue and its comment, or the 404 Jira gives for whichever is missing.</summary>
    private static (SimIssue Issue, SimComment Comment, IResult? Missing) FindComment(SimSite site, string issueIdOrKey, string id)
    {
        lock (site.Sync)
        {
            var issue = site.FindIssue(issueIdOrKey);
            if (issue is null)
                return (null!, null!, JiraErrors.IssueNotFound());
            var comment = issue.Comments.FirstOrDefault(c => c.Id == id);
            return comment is null
                ? (issue, null!, JiraErrors.Status(404, "Can not find a comment for the id: " + id + "."))
                : (issue, comment, null);
        }
    }
}
