using System.Text.Json.Nodes;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Permissions ("Jira REST API v3: Permissions", POST /rest/api/3/permissions/check). Connect apps may check any
// user's permissions from the app server without being administrators themselves.
public sealed partial class JiraClient
{
    /// <summary>The Administer Jira global permission (DESIGN §4: admin API calls require it).</summary>
    public const string AdministerPermission = "ADMINISTER";

    /// <summary>Which of <paramref name="globalPermissions"/> the account holds. A POST that changes nothing, retried like a GET.</summary>
    public Task<JiraResult<JiraPermissionGrants>> CheckGlobalPermissionsAsync(string accountId, IReadOnlyCollection<string> globalPermissions, CancellationToken cancellationToken = default)
    {
        // Without an accountId Jira answers for the caller, which for a Connect app is the app itself: never what we mean.
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(globalPermissions);
        var body = new JsonObject
        {
            ["accountId"] = accountId,
            ["globalPermissions"] = new JsonArray(globalPermissions.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()),
        };
        var request = NewRequest(HttpMethod.Post, "rest/api/3/permissions/check", JiraJson.Bytes(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString())));
        request.Options.Set(JiraRequestOptions.ReadOnly, true);
        return ReadAsync<JiraPermissionGrants>(request, cancellationToken);
    }

    /// <summary>Whether the account holds Administer Jira on this site.</summary>
    public async Task<JiraResult<bool>> IsJiraAdministratorAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var grants = await CheckGlobalPermissionsAsync(accountId, [AdministerPermission], cancellationToken);
        return grants.IsSuccess ? grants.Value.GlobalPermissions.Contains(AdministerPermission, StringComparer.Ordinal) : grants.Error;
    }
}
