namespace ConnectAddon.Sync.IssueView;

/// <summary>
/// What <c>GET /api/issues/{issueId}/sync</c> answers: the issue's state in each of the tenant's live connections,
/// and whether the caller may bring it under sync or stop it (<see cref="CanExalate"/>: Edit Issues on it).
/// </summary>
public sealed record IssueSyncView(string IssueId, bool CanExalate, IReadOnlyList<IssueConnectionSync> Connections);
