using System.Globalization;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Projects ("Jira REST API v3: Projects").
public sealed partial class JiraClient
{
    /// <summary>One project, with its issue types (GET /rest/api/3/project/{projectIdOrKey}).</summary>
    public Task<JiraResult<JiraProject>> GetProjectAsync(string projectIdOrKey, CancellationToken cancellationToken = default) =>
        ReadAsync<JiraProject>(NewRequest(HttpMethod.Get, Rest + "project/" + JiraPath.Segment(projectIdOrKey)), cancellationToken);

    /// <summary>
    /// One page of the projects the caller can browse (GET /rest/api/3/project/search); <paramref name="query"/> matches
    /// key or name, case-insensitively. Page on with <c>startAt</c> until <see cref="JiraProjectPage.IsLast"/>.
    /// </summary>
    public Task<JiraResult<JiraProjectPage>> SearchProjectsAsync(string? query = null, int startAt = 0, int maxResults = 50, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAt);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        if (IsDataCenter)
            return SearchDataCenterProjectsAsync(query, startAt, maxResults, cancellationToken);
        return ReadAsync<JiraProjectPage>(NewRequest(HttpMethod.Get, Rest + "project/search" + JiraPath.Query(
            ("startAt", startAt.ToString(CultureInfo.InvariantCulture)),
            ("maxResults", maxResults.ToString(CultureInfo.InvariantCulture)),
            ("query", string.IsNullOrWhiteSpace(query) ? null : query))), cancellationToken);
    }
}
