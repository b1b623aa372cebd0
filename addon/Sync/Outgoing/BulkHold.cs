namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// Whose bulk marks the outgoing workers leave for now: the sites whose Jira said fewer than
/// <see cref="SyncOptions.BulkQuotaReserve"/> points are left this hour (their site keys), or every tenant's when the
/// app's one quota across sites is that low. Their live changes still go: the reserve is theirs.
/// </summary>
public sealed record BulkHold(bool AllSites, IReadOnlyList<string> Sites)
{
    public static readonly BulkHold None = new(false, []);
}
