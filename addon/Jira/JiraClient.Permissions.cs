using System.Text.Json.Nodes;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Permissions ("Jira REST API v3: Permissions", POST /rest/api/3/permissions/check). Connect apps may check any
// user's permissions from the app server without being administrators themselves.
public sealed partial class JiraClient
{
    /// <summary>The Administer Jira global permission (DESIGN §4: admin API calls require it).</summary>
    public const string AdministerPermission = "ADMINISTER";

    /// <summary>The Browse Projects project permission: whoever holds it on an issue can see the issue.</summary>
    public const string BrowseProjectsPermission = "BROWSE_PROJECTS";

    /// <summary>The Edit Issues project permission.</summary>
    public const string EditIssuesPermission = "EDIT_ISSUES";

    /// <summary>Which of <paramref name="globalPermissions"/> the account holds. A POST that changes nothing, retried like a GET.</summary>
    public Task<JiraResult<JiraPermissionGrants>> CheckGlobalPermissionsAsync(string accountId, IReadOnlyCollection<string> globalPermissions, CancellationToken cancellationToken = default)
    {
        // Without an accountId Jira answers for the caller, which for a Connect app is the app itself: never what we mean.
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(globalPermissions);
        var body = new JsonObject
        {
            ["accountId"] = accountId,
            ["globalPermissions"] = Strings(globalPermissions),
        };
        return CheckAsync(body, cancellationToken);
    }

    /// <summary>Whether the account holds Administer Jira on this site.</summary>
    public async Task<JiraResult<bool>> IsJiraAdministratorAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var grants = await CheckGlobalPermissionsAsync(accountId, [AdministerPermission], cancellationToken);
        return grants.IsSuccess ? grants.Value.GlobalPermissions.Contains(AdministerPermission, StringComparer.Ordinal) : grants.Error;
    }

    /// <summary>
    /// For each of <paramref name="projectPermissions"/>, on which of <paramref name="issueIds"/> the account holds it
    /// (BulkProjectPermissions). Jira ignores ids it does not know, and ids of issues the account cannot see get no
    /// grant: both simply do not come back. At most 1,000 issues per call.
    /// </summary>
    public Task<JiraResult<JiraPermissionGrants>> CheckIssuePermissionsAsync(string accountId, IReadOnlyCollection<string> projectPermissions, IReadOnlyCollection<long> issueIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(projectPermissions);
        ArgumentNullException.ThrowIfNull(issueIds);
        if (projectPermissions.Count == 0)
            throw new ArgumentException("Name at least one project permission: Jira refuses a check without one.", nameof(projectPermissions));
        if (issueIds.Count is 0 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(issueIds), issueIds.Count, "Jira checks 1 to 1,000 issues per call.");
        var body = new JsonObject
        {
            ["accountId"] = accountId,
            ["projectPermissions"] = new JsonArray(new JsonObject
            {
                ["permissions"] = Strings(projectPermissions),
                ["issues"] = new JsonArray(issueIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
            }),
        };
        return CheckAsync(body, cancellationToken);
    }

    /// <summary>Which of <paramref name="projectPermissions"/> the account holds on one issue (none when it cannot see it).</summary>
    public async Task<JiraResult<IReadOnlySet<string>>> IssuePermissionsAsync(string accountId, long issueId, IReadOnlyCollection<string> projectPermissions, CancellationToken cancellationToken = default)
    {
        var grants = await CheckIssuePermissionsAsync(accountId, projectPermissions, [issueId], cancellationToken);
        if (!grants.IsSuccess)
            return grants.Error;
        var held = grants.Value.ProjectPermissions
            .Where(grant => grant.Issues.Contains(issueId) && projectPermissions.Contains(grant.Permission, StringComparer.Ordinal))
            .Select(grant => grant.Permission)
            .ToHashSet(StringComparer.Ordinal);
        return JiraResult<IReadOnlySet<string>>.Success(held);
    }

    private Task<JiraResult<JiraPermissionGrants>> CheckAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var request = NewRequest(HttpMethod.Post, Rest + "permissions/check", JiraJson.Bytes(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())));
        request.Options.Set(JiraRequestOptions.ReadOnly, true);
        return ReadAsync<JiraPermissionGrants>(request, cancellationToken);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
