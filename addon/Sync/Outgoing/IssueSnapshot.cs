using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// One read of an issue (DESIGN §3 step 2: "reads it once"): the fields Basic mode carries, with its comments and
/// attachments. Comments come inline with the issue; only an issue with more than Jira returns inline costs further pages.
/// </summary>
public sealed record IssueSnapshot(JiraIssue Issue, IReadOnlyList<JiraComment> Comments, IReadOnlyList<JiraAttachment> Attachments)
{
    public static readonly IReadOnlyList<string> Fields = ["summary", "description", "issuetype", "project", "updated", "comment", "attachment"];

    public static async Task<JiraResult<IssueSnapshot>> ReadAsync(JiraClient client, string issueId, CancellationToken cancel)
    {
        var read = await client.GetIssueAsync(issueId, new JiraIssueQuery { Fields = Fields }, cancel);
        if (!read.IsSuccess)
            return read.Error;
        var issue = read.Value!;
        var comments = issue.Fields["comment"] is JsonObject page && page["comments"] is JsonArray inline
            ? inline.Deserialize<List<JiraComment>>(JiraJson.Options) ?? []
            : [];
        var total = (int?)issue.Fields["comment"]?["total"] ?? comments.Count;
        if (total > comments.Count)
        {
            var all = await client.GetAllCommentsAsync(issueId, cancel);
            if (!all.IsSuccess)
                return all.Error;
            comments = all.Value!.ToList();
        }
        var attachments = issue.Fields["attachment"] is JsonArray files
            ? (files.Deserialize<List<JiraAttachment>>(JiraJson.Options) ?? []).Where(a => a.Id is not null).ToList()
            : [];
        return new IssueSnapshot(issue, comments, attachments);
    }
}
