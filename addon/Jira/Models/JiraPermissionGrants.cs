namespace ConnectAddon.Jira.Models;

/// <summary>What POST /rest/api/3/permissions/check answers (the BulkPermissionGrants schema).</summary>
public sealed record JiraPermissionGrants
{
    /// <summary>The global permissions asked about that the account holds, e.g. <c>ADMINISTER</c>.</summary>
    public IReadOnlyList<string> GlobalPermissions { get; init; } = [];
    public IReadOnlyList<JiraProjectPermissionGrant> ProjectPermissions { get; init; } = [];
}
