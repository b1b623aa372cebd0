namespace ConnectAddon.Connections;

/// <summary>
/// A connection as the Connections page and the console show it (Connections/README.md, "Connection"). <see cref="OtherSide"/> is null while nobody has accepted the invitation
/// (the page shows "unknown"); <see cref="Invitation"/> is null on the private side. Times are UTC, written as ISO 8601 with <c>Z</c>.
/// </summary>
public sealed record ConnectionView(
    string Id, string Name, string Mode, string Type, string Status, string? StatusReason,
    ConnectionView.Project LocalProject, ConnectionView.OtherNode? OtherSide, DateTime? LastPolledAt,
    int IssuesInSync, int QueuedOutgoing, int QueuedIncoming, int OpenErrors,
    ConnectionView.InvitationState? Invitation, DateTime CreatedAt, DateTime? ActivatedAt)
{
    public static ConnectionView Of(Connection connection, DateTimeOffset now) => new(
        connection.Id, connection.Name, connection.Mode, connection.Type, connection.Status, connection.StatusReason,
        new Project(connection.LocalProject.Id, connection.LocalProject.Key, connection.LocalProject.Name),
        connection.RemoteNodeName is null
            ? null
            : new OtherNode(connection.RemoteNodeName, connection.RemoteNodeVersion, connection.RemoteProjectKey, connection.RemoteProjectName, connection.RemoteJira),
        connection.LastPolledAt?.UtcDateTime,
        IssuesInSync: 0, QueuedOutgoing: 0, QueuedIncoming: 0, OpenErrors: 0,
        connection.Invitation is { } invitation ? new InvitationState(invitation.ExpiresAt.UtcDateTime, invitation.StatusAt(now)) : null,
        connection.CreatedAt.UtcDateTime, connection.ActivatedAt?.UtcDateTime);

    /// <summary>
    /// The view with the connection's health: its queue depths, and status <c>error</c> while the peer is silent for
    /// longer than <paramref name="peerSilenceLimit"/> or (private side) while the poller fails. This is computed on
    /// every listing and never stored, so it recovers by itself the moment the peer is heard from again (or the next
    /// exchange succeeds); only an <c>active</c> connection is judged, so a deactivated one stays deactivated.
    /// </summary>
    public static ConnectionView Of(Connection connection, DateTimeOffset now, SyncCounts counts, TimeSpan peerSilenceLimit)
    {
        var (status, reason) = HealthOf(connection, now, peerSilenceLimit);
        return Of(connection, now) with
        {
            Status = status, StatusReason = reason,
            QueuedOutgoing = counts.Outgoing, QueuedIncoming = counts.Incoming, IssuesInSync = counts.InSync, OpenErrors = counts.Errors,
        };
    }

    /// <summary>
    /// Public side: until when Jira's rate limit pauses this side's calls (its hourly points quota is spent; Jira/Quota),
    /// so the page can say "paused by Jira's rate limit until 14:05"; null while calls go.
    /// </summary>
    public DateTime? RateLimitedUntil { get; init; }

    internal static (string Status, string? Reason) HealthOf(Connection connection, DateTimeOffset now, TimeSpan peerSilenceLimit)
    {
        if (connection.Status != ConnectionStatus.Active)
            return (connection.Status, connection.StatusReason);
        if (connection.LastError is { } error && (connection.LastPolledAt is null || connection.LastErrorAt >= connection.LastPolledAt))
            return (ConnectionStatus.Error, $"The last exchange with the public node failed: {error}");
        if ((connection.LastPolledAt ?? connection.ActivatedAt) is { } heard && now - heard > peerSilenceLimit)
        {
            var peer = connection.Side == ConnectionSide.Private ? "public node" : "private node";
            return (ConnectionStatus.Error, $"The {peer} has not been heard from since {heard.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}.");
        }
        return (connection.Status, connection.StatusReason);
    }

    /// <summary>
    /// Events in this node's outbox for the connection, events received but not applied yet, issues under sync here
    /// (twins not stopped) and open sync errors.
    /// </summary>
    public sealed record SyncCounts(int Outgoing, int Incoming, int InSync = 0, int Errors = 0)
    {
        public static readonly SyncCounts None = new(0, 0);
    }

    public sealed record Project(string Id, string Key, string Name);

    /// <param name="Jira">Which Jira the other side runs ("Jira Data Center 9.12.15"), once its node said.</param>
    public sealed record OtherNode(string Name, string? Version, string? ProjectKey, string? ProjectName, string? Jira = null);

    public sealed record InvitationState(DateTime ExpiresAt, string Status);
}
