namespace ConnectAddon.Sync.Capture;

/// <summary>
/// Where a connection's polling stands: the latest <c>updated</c> seen (Jira's clock), and the <c>updated</c> each
/// recently reported issue was reported at, by issue id, so an overlapping window reports only what changed since.
/// </summary>
public sealed record ChangeCursor(string ConnectionId, DateTimeOffset Updated, Dictionary<string, long> SeenUpdatedMs);
