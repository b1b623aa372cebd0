using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Issues: GET/PUT/DELETE /rest/api/3/issue/{issueIdOrKey} and POST /rest/api/3/issue ("Jira REST API v3: Issues"), the same under /rest/api/2 on Data Center.
public sealed partial class JiraClient
{
    /// <summary>Reads one issue; <paramref name="query"/> picks fields, expansions and issue properties.</summary>
    public async Task<JiraResult<JiraIssue>> GetIssueAsync(string issueIdOrKey, JiraIssueQuery? query = null, CancellationToken cancellationToken = default)
    {
        var read = await ReadAsync<JiraIssue>(NewRequest(HttpMethod.Get, IssuePath(issueIdOrKey) + JiraPath.Query(
            ("fields", JiraPath.List(query?.Fields)),
            ("expand", JiraPath.List(query?.Expand)),
            ("properties", JiraPath.List(query?.Properties)))), cancellationToken);
        return read.IsSuccess ? await FromDataCenterAsync(read.Value, cancellationToken) : read;
    }

    /// <summary>
    /// Creates an issue (201 with id, key and self). Never repeated after a lost answer: that comes back as
    /// <see cref="JiraErrorKind.OutcomeUnknown"/>, and the caller looks for the issue before creating it again.
    /// </summary>
    public Task<JiraResult<JiraCreatedIssue>> CreateIssueAsync(JiraIssueInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ReadAsync<JiraCreatedIssue>(NewRequest(HttpMethod.Post, Rest + "issue", JiraJson.Content(ForFlavour(input))), cancellationToken);
    }

    /// <summary>
    /// Sets fields of an issue (204). <paramref name="notifyUsers"/> false spares watchers the email but needs the
    /// Administer Jira or Administer project permission; null leaves Jira's default (notify).
    /// </summary>
    public Task<JiraResult> EditIssueAsync(string issueIdOrKey, JiraIssueInput input, bool? notifyUsers = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = JiraPath.Query(("notifyUsers", notifyUsers is { } notify ? JiraPath.Boolean(notify) : null));
        return ExecuteAsync(NewRequest(HttpMethod.Put, IssuePath(issueIdOrKey) + query, JiraJson.Content(ForFlavour(input))), cancellationToken);
    }

    /// <summary>
    /// Deletes an issue (204). An issue with sub-tasks is refused (400) unless <paramref name="deleteSubtasks"/>.
    /// NotFound means it is gone, perhaps by an earlier attempt of this call whose answer was lost.
    /// </summary>
    public Task<JiraResult> DeleteIssueAsync(string issueIdOrKey, bool deleteSubtasks = false, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NewRequest(HttpMethod.Delete, IssuePath(issueIdOrKey) + JiraPath.Query(("deleteSubtasks", deleteSubtasks ? "true" : null))), cancellationToken);

    private string IssuePath(string issueIdOrKey) => Rest + "issue/" + JiraPath.Segment(issueIdOrKey);
}
