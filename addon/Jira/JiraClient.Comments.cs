using System.Text.Json.Nodes;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Comments: /rest/api/3/issue/{issueIdOrKey}/comment ("Jira REST API v3: Issue comments"). Bodies are ADF (wiki markup on Data Center's v2, converted here).
public sealed partial class JiraClient
{
    private const int CommentPageSize = 100;

    /// <summary>One page of an issue's comments, oldest first.</summary>
    public async Task<JiraResult<JiraCommentPage>> GetCommentsPageAsync(string issueIdOrKey, int startAt = 0, int maxResults = CommentPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var page = await ReadAsync<JiraCommentPage>(NewRequest(HttpMethod.Get, CommentsPath(issueIdOrKey) + JiraPath.Query(
            ("startAt", startAt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("maxResults", maxResults.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            // Oldest first, so a comment added while paging lands on a later page instead of shifting earlier ones.
            ("orderBy", "created"))), cancellationToken);
        if (!page.IsSuccess || !IsDataCenter)
            return page;
        var comments = new List<JiraComment>(page.Value.Comments.Count);
        foreach (var comment in page.Value.Comments)
            comments.Add(await FromDataCenterAsync(comment, cancellationToken));
        return page.Value with { Comments = comments };
    }

    /// <summary>
    /// All of an issue's comments, every page read (Jira allows at most 5,000 per issue, so this stays bounded).
    /// A comment seen on two pages is kept once. Fails as a whole if any page fails.
    /// </summary>
    public async Task<JiraResult<IReadOnlyList<JiraComment>>> GetAllCommentsAsync(string issueIdOrKey, CancellationToken cancellationToken = default)
    {
        var comments = new List<JiraComment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var startAt = 0;
        while (true)
        {
            var page = await GetCommentsPageAsync(issueIdOrKey, startAt, CommentPageSize, cancellationToken);
            if (!page.IsSuccess)
                return page.Error;
            comments.AddRange(page.Value.Comments.Where(c => seen.Add(c.Id)));
            startAt += page.Value.Comments.Count;
            if (page.Value.Comments.Count == 0 || startAt >= page.Value.Total)
                return JiraResult<IReadOnlyList<JiraComment>>.Success(comments);
        }
    }

    public async Task<JiraResult<JiraComment>> GetCommentAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken = default) =>
        await CommentAsync(await ReadAsync<JiraComment>(NewRequest(HttpMethod.Get, CommentPath(issueIdOrKey, commentId)), cancellationToken), cancellationToken);

    /// <summary>Adds a comment with an ADF body and no visibility restriction (201). A lost answer is OutcomeUnknown.</summary>
    public async Task<JiraResult<JiraComment>> AddCommentAsync(string issueIdOrKey, JsonNode body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return await CommentAsync(await ReadAsync<JiraComment>(NewRequest(HttpMethod.Post, CommentsPath(issueIdOrKey), CommentBody(body)), cancellationToken), cancellationToken);
    }

    /// <summary>Replaces a comment's body (200 with the comment).</summary>
    public async Task<JiraResult<JiraComment>> UpdateCommentAsync(string issueIdOrKey, string commentId, JsonNode body, bool? notifyUsers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var query = JiraPath.Query(("notifyUsers", notifyUsers is { } notify ? JiraPath.Boolean(notify) : null));
        return await CommentAsync(await ReadAsync<JiraComment>(NewRequest(HttpMethod.Put, CommentPath(issueIdOrKey, commentId) + query, CommentBody(body)), cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a comment (204). NotFound means it is gone, perhaps by an earlier attempt whose answer was lost.</summary>
    public Task<JiraResult> DeleteCommentAsync(string issueIdOrKey, string commentId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NewRequest(HttpMethod.Delete, CommentPath(issueIdOrKey, commentId)), cancellationToken);

    private HttpContent CommentBody(JsonNode body) =>
        JiraJson.Bytes(System.Text.Encoding.UTF8.GetBytes(new JsonObject { ["body"] = JiraRichText.Write(Target.Flavour, body) }.ToJsonString()));

    private async Task<JiraResult<JiraComment>> CommentAsync(JiraResult<JiraComment> read, CancellationToken cancellationToken) =>
        read.IsSuccess ? await FromDataCenterAsync(read.Value, cancellationToken) : read;

    private string CommentsPath(string issueIdOrKey) => IssuePath(issueIdOrKey) + "/comment";

    private string CommentPath(string issueIdOrKey, string commentId) => CommentsPath(issueIdOrKey) + "/" + JiraPath.Segment(commentId);
}
