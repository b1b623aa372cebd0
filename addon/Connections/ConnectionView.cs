namespace ConnectAddon.Connections;

/// <summary>
/// A connection as the Connections page and the console show it (Connections/README.md, "Connection"). The sync's
/// counters are zero until the sync exists. <see cref="OtherSide"/> is null while nobody has accepted the invitation
/// (the page shows "unknown"); <see cref="Invitation"/> is null on the private side. Times are UTC, written as ISO 8601 with <c>Z</c>.
/// </summary>
public sealed record ConnectionView(
    string Id, string Name, string Mode, string Type, string Status, string? StatusReason,
    ConnectionView.Project LocalProject, ConnectionView.OtherNode? OtherSide, DateTime? LastPolledAt,
    int IssuesInSync, int QueuedOutgoing, int QueuedIncoming, int OpenErrors,
    ConnectionView.InvitationState? Invitation, DateTime CreatedAt)
{
    public static ConnectionView Of(Connection connection, DateTimeOffset now) => new(
        connection.Id, connection.Name, connection.Mode, connection.Type, connection.Status, connection.StatusReason,
        new Project(connection.LocalProject.Id, connection.LocalProject.Key, connection.LocalProject.Name),
        connection.RemoteNodeName is null
            ? null
            : new OtherNode(connection.RemoteNodeName, connection.RemoteNodeVersion, connection.RemoteProjectKey, connection.RemoteProjectName),
        connection.LastPolledAt?.UtcDateTime,
        IssuesInSync: 0, QueuedOutgoing: 0, QueuedIncoming: 0, OpenErrors: 0,
        connection.Invitation is { } invitation ? new InvitationState(invitation.ExpiresAt.UtcDateTime, invitation.StatusAt(now)) : null,
        connection.CreatedAt.UtcDateTime);

    public sealed record Project(string Id, string Key, string Name);

    public sealed record OtherNode(string Name, string? Version, string? ProjectKey, string? ProjectName);

    public sealed record InvitationState(DateTime ExpiresAt, string Status);
}
