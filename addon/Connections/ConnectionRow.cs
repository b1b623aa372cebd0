using ConnectAddon.Connections.Invitations;

namespace ConnectAddon.Connections;

/// <summary>A <c>connections</c> row with its invitation's dates (LEFT JOIN), as Dapper reads it; columns in this order.</summary>
internal sealed record ConnectionRow(
    string id, string side, string? client_key, string name, string mode, string type, string status, string? status_reason,
    string local_project_id, string local_project_key, string local_project_name,
    string? remote_node_name, string? remote_node_version, string? remote_project_key, string? remote_project_name, string? remote_base_url,
    long created_at_ms, long updated_at_ms, long? activated_at_ms, long? last_polled_at_ms,
    long? expires_at_ms, long? revoked_at_ms, long? consumed_at_ms, string? last_error, long? last_error_at_ms, string? remote_jira)
{
    public const string Select = """
        SELECT c.id, c.side, c.client_key, c.name, c.mode, c.type, c.status, c.status_reason,
               c.local_project_id, c.local_project_key, c.local_project_name,
               c.remote_node_name, c.remote_node_version, c.remote_project_key, c.remote_project_name, c.remote_base_url,
               c.created_at_ms, c.updated_at_ms, c.activated_at_ms, c.last_polled_at_ms,
               i.expires_at_ms, i.revoked_at_ms, i.consumed_at_ms, c.last_error, c.last_error_at_ms, c.remote_jira
        FROM connections c LEFT JOIN invitations i ON i.connection_id = c.id
        """;

    public Connection ToConnection() => new()
    {
        Id = id,
        Side = side,
        ClientKey = client_key,
        Name = name,
        Mode = mode,
        Type = type,
        Status = status,
        StatusReason = status_reason,
        LocalProject = new ConnectionProject(local_project_id, local_project_key, local_project_name),
        RemoteNodeName = remote_node_name,
        RemoteNodeVersion = remote_node_version,
        RemoteJira = remote_jira,
        RemoteProjectKey = remote_project_key,
        RemoteProjectName = remote_project_name,
        RemoteBaseUrl = remote_base_url,
        CreatedAt = Time(created_at_ms),
        UpdatedAt = Time(updated_at_ms),
        ActivatedAt = Time(activated_at_ms),
        LastPolledAt = Time(last_polled_at_ms),
        LastError = last_error,
        LastErrorAt = Time(last_error_at_ms),
        Invitation = expires_at_ms is { } expires ? new Invitation(Time(expires), Time(revoked_at_ms), Time(consumed_at_ms)) : null,
    };

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
    private static DateTimeOffset? Time(long? ms) => ms is { } value ? Time(value) : null;
}
