namespace ConnectAddon.Jira.Models;

/// <summary>
/// The body of POST /rest/api/3/search/jql (SearchAndReconcileRequestBean). Without <see cref="Fields"/> Jira returns
/// ids only. Results may lag recent writes; <see cref="ReconcileIssues"/> asks for read-after-write consistency on
/// those issue ids ("Search and reconcile" page).
/// </summary>
public sealed record JiraSearchRequest
{
    public required string Jql { get; init; }
    public IReadOnlyList<string>? Fields { get; init; }
    public int? MaxResults { get; init; }
    /// <summary>From the previous page's <see cref="JiraSearchPage.NextPageToken"/>; null for the first page.</summary>
    public string? NextPageToken { get; init; }
    public string? Expand { get; init; }
    public IReadOnlyList<string>? Properties { get; init; }
    public IReadOnlyList<long>? ReconcileIssues { get; init; }
}
