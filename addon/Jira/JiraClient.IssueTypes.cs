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

    /// <summary>
    /// The project's default issue type, from its issue type scheme (GET /rest/api/3/issuetypescheme/project?projectId=…,
    /// "Issue type schemes"), which Jira Cloud shows only to holders of Administer Jira: an app without the ADMIN scope,
    /// or a user who is no Jira admin, is refused, and the answer is null; so only a private node's own credentials ask.
    /// Data Center's REST API has no resource for a project's issue type scheme, so there it is null without asking.
    /// Null also when the scheme names no default.
    /// </summary>
    public async Task<JiraResult<JiraDefaultIssueType>> GetDefaultIssueTypeAsync(long projectId, CancellationToken cancellationToken = default)
    {
        // The app in a tenant's Jira has no ADMIN scope (README, "Scopes and why"): it would only be refused.
        if (IsDataCenter || Target.Access != JiraSiteAccess.Credentials)
            return new JiraDefaultIssueType(null);
        var page = await ReadAsync<System.Text.Json.Nodes.JsonObject>(NewRequest(HttpMethod.Get, Rest + "issuetypescheme/project" + JiraPath.Query(
            ("projectId", projectId.ToString(CultureInfo.InvariantCulture)))), cancellationToken);
        if (!page.IsSuccess)
            return page.Error.Kind is JiraErrorKind.Forbidden or JiraErrorKind.Unauthorized ? new JiraDefaultIssueType(null) : page.Error;
        var id = page.Value["values"]?[0]?["issueTypeScheme"]?["defaultIssueTypeId"];
        return new JiraDefaultIssueType(id?.ToString());
    }
}
