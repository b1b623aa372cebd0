namespace ConnectAddon.Jira.Models;

/// <summary>For one project permission, the projects and issues where it is granted (BulkProjectPermissionGrants).</summary>
public sealed record JiraProjectPermissionGrant
{
    public required string Permission { get; init; }
    public IReadOnlyList<long> Projects { get; init; } = [];
    public IReadOnlyList<long> Issues { get; init; } = [];
}
