using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync.Admin;

/// <summary>One synced issue as the pages show it: this side's issue, the twin's key and link when known, and its status.</summary>
public sealed record TwinView(string? IssueId, string? IssueKey, string? TwinKey, string? TwinUrl, string Status, string BroughtBy, string? StoppedReason, long UpdatedAtMs)
{
    public static TwinView Of(Twin twin) => new(
        twin.LocalIssueId, twin.LocalIssueKey, twin.RemoteIssueKey, twin.RemoteIssueUrl,
        twin.IsStopped ? "stopped" : twin.RemoteIssueId is null || twin.ApplyingSinceMs is not null ? "pending" : "synced",
        twin.BroughtBy, twin.StoppedReason, twin.UpdatedAtMs);
}
