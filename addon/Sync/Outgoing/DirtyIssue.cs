namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// A claimed "issue X changed" row: of a tenant (<see cref="ClientKey"/>, public node, from webhooks) or of one
/// connection (<see cref="ConnectionId"/>, private node, from JQL capture). <see cref="ChangeSeq"/> tells on completion
/// whether it changed again meanwhile.
/// </summary>
public sealed record DirtyIssue(string? ClientKey, string? ConnectionId, string IssueId, string? IssueKey, long ChangeSeq, string LeaseToken)
{
    public string Scope => ClientKey ?? ConnectionId ?? "";
}
