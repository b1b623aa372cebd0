using ConnectAddon.Connections;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.PrivateConsole.Connections;

/// <summary>This private node's rows of <c>connections</c> (<c>side = 'private'</c>): one per invitation it accepted.</summary>
public sealed class PrivateConnectionStore(Database database, ConnectionKeyProtector keys)
{
    public async Task<IReadOnlyList<Connection>> ListAsync(CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        var rows = await connection.QueryAsync<ConnectionRow>(new CommandDefinition(
            ConnectionRow.Select + " WHERE c.side = @side AND c.deleted_at_ms IS NULL ORDER BY c.created_at_ms, c.id",
            new { side = ConnectionSide.Private }, cancellationToken: cancel));
        return rows.Select(row => row.ToConnection()).ToList();
    }

    /// <summary>The queue depths of these connections in one query; a connection with no events is absent.</summary>
    public Task<IReadOnlyDictionary<string, ConnectionView.SyncCounts>> SyncCountsAsync(IEnumerable<string> ids, CancellationToken cancel = default) =>
        ConnectionStore.SyncCountsAsync(database, ids, cancel);

    /// <summary>
    /// Stores an accepted connection with its key (encrypted) in one transaction; false when this node already holds a
    /// connection with that id, which only a public node that accepted one code twice could cause.
    /// </summary>
    public async Task<bool> AddAcceptedAsync(Connection accepted, string connectionKey, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO connections (id, side, client_key, name, mode, type, status, status_reason,
                    local_project_id, local_project_key, local_project_name,
                    remote_node_name, remote_node_version, remote_project_key, remote_project_name, remote_base_url, remote_jira,
                    connection_key, created_at_ms, updated_at_ms, activated_at_ms)
                VALUES (@Id, @Side, NULL, @Name, @Mode, @Type, @Status, NULL,
                    @LocalProjectId, @LocalProjectKey, @LocalProjectName,
                    @RemoteNodeName, @RemoteNodeVersion, @RemoteProjectKey, @RemoteProjectName, @RemoteBaseUrl, @RemoteJira,
                    @ConnectionKey, @CreatedAtMs, @UpdatedAtMs, @ActivatedAtMs)
                """, new
            {
                accepted.Id,
                Side = ConnectionSide.Private,
                accepted.Name,
                accepted.Mode,
                accepted.Type,
                accepted.Status,
                LocalProjectId = accepted.LocalProject.Id,
                LocalProjectKey = accepted.LocalProject.Key,
                LocalProjectName = accepted.LocalProject.Name,
                accepted.RemoteNodeName,
                accepted.RemoteNodeVersion,
                accepted.RemoteProjectKey,
                accepted.RemoteProjectName,
                accepted.RemoteBaseUrl,
                accepted.RemoteJira,
                ConnectionKey = keys.Protect(connectionKey),
                CreatedAtMs = accepted.CreatedAt.ToUnixTimeMilliseconds(),
                UpdatedAtMs = accepted.UpdatedAt.ToUnixTimeMilliseconds(),
                ActivatedAtMs = accepted.ActivatedAt?.ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancel));
            await transaction.CommitAsync(cancel);
            return true;
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e)) // the id is taken
        {
            return false;
        }
    }
}
