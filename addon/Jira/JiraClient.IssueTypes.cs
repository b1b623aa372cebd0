using System.Globalization;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Issue types ("Jira REST API v3: Issue types" and "Issues: create metadata").
public sealed partial class JiraClient
{
    /// <summary>The issue types of a project (GET /rest/api/3/issuetype/project?projectId=…), with their hierarchy level.</summary>
    public async Task<JiraResult<IReadOnlyList<JiraIssueType>>> GetIssueTypesForProjectAsync(long projectId, CancellationToken cancellationToken = default)
    {
        if (IsDataCenter)
            return await IssueTypesOfDataCenterProjectAsync(projectId, cancellationToken);
        var list = await ReadAsync<List<JiraIssueType>>(NewRequest(HttpMethod.Get, Rest + "issuetype/project" + JiraPath.Query(
            ("projectId", projectId.ToString(CultureInfo.InvariantCulture)))), cancellationToken);
        return list.IsSuccess ? JiraResult<IReadOnlyList<JiraIssueType>>.Success(list.Value) : list.Error;
    }

    /// <summary>
    /// One page of the issue types the caller can create in a project (GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes):
    /// what the sync may use when it creates an issue there.
    /// </summary>
    public Task<JiraResult<JiraIssueTypePage>> GetCreatableIssueTypesAsync(string projectIdOrKey, int startAt = 0, int maxResults = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        return ReadAsync<JiraIssueTypePage>(NewRequest(HttpMethod.Get, Rest + "issue/createmeta/" + JiraPath.Segment(projectIdOrKey) + "/issuetypes" + JiraPath.Query(
            ("startAt", startAt.ToString(CultureInfo.InvariantCulture)),
            ("maxResults", maxResults.ToString(CultureInfo.InvariantCulture)))), cancellationToken);
    }
}
