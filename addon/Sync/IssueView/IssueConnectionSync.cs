using ConnectAddon.Connections;
using ConnectAddon.Sync.Admin;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync.IssueView;

/// <summary>
/// One connection as the issue glance shows it: the connection (name, health, the other side) and this issue's
/// <see cref="State"/> in it (<see cref="IssueSyncState"/>), with the twin's key and link when known, the reason a
/// stopped sync gave, and the open error. Times are UTC, written as ISO 8601 with <c>Z</c>.
/// </summary>
public sealed record IssueConnectionSync(
    string Id, string Name, string Status, string? StatusReason, IssueConnectionSync.Peer? OtherSide,
    string State, string? TwinKey, string? TwinUrl, string? StoppedReason, DateTime? StoppedAt, IssueConnectionSync.Failure? Error)
{
    /// <param name="health">The connection's status and reason as the Connections page shows them (peer silence included).</param>
    /// <param name="error">The open error of this issue in this connection, either direction; null when there is none.</param>
    public static IssueConnectionSync Of(Connection connection, (string Status, string? Reason) health, Twin? twin, SyncError? error)
    {
        var state = twin switch
        {
            { IsStopped: true } => IssueSyncState.Stopped,
            _ when error is not null => IssueSyncState.Error,
            null => IssueSyncState.NotSynced,
            _ => TwinView.Of(twin).Status == "synced" ? IssueSyncState.Synced : IssueSyncState.Pending,
        };
        return new IssueConnectionSync(
            connection.Id, connection.Name, health.Status, health.Reason,
            connection.RemoteNodeName is { } name ? new Peer(name, connection.RemoteProjectKey, connection.RemoteProjectName) : null,
            state, twin?.RemoteIssueKey, twin?.RemoteIssueUrl,
            twin?.StoppedReason, Utc(twin?.StoppedAtMs),
            state == IssueSyncState.Error ? new Failure(error!.Message, Utc(error.LastFailedAtMs)!.Value, error.Tries, error.Direction) : null);
    }

    private static DateTime? Utc(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime : null;

    /// <summary>The other side: the private node's name and its project, once the invitation was accepted.</summary>
    public sealed record Peer(string Name, string? ProjectKey, string? ProjectName);

    /// <summary><paramref name="Direction"/>: <c>out</c> (reading or sending this issue) or <c>in</c> (applying the other side's change).</summary>
    public sealed record Failure(string Message, DateTime FailedAt, long Tries, string Direction);
}
