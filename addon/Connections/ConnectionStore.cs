using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Connections;

/// <summary>
/// A public node's connections, always within one tenant (DESIGN §4): every query names the caller's clientKey,
/// so an id of another tenant's connection is simply not found. Deleted connections are never returned.
/// State changes are single conditional UPDATEs, so two admins acting at once cannot both win.
/// </summary>
public sealed class ConnectionStore(Database database)
{
    private const string OfTenant = " WHERE c.side = 'public' AND c.client_key = @clientKey AND c.deleted_at_ms IS NULL";

    // The same condition for UPDATEs of the connections table itself (no alias there).
    private const string RowOfTenant = "id = @id AND side = 'public' AND client_key = @clientKey AND deleted_at_ms IS NULL";

    public async Task<IReadOnlyList<Connection>> ListAsync(string clientKey, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<ConnectionRow>(new CommandDefinition(
            ConnectionRow.Select + OfTenant + " ORDER BY c.created_at_ms, c.id", new { clientKey }, cancellationToken: cancel));
        return rows.Select(r => r.ToConnection()).ToList();
    }

    /// <summary>The queue depths of these connections in one query; a connection with no events is absent.</summary>
    public Task<IReadOnlyDictionary<string, ConnectionView.SyncCounts>> SyncCountsAsync(IEnumerable<string> ids, CancellationToken cancel) =>
        SyncCountsAsync(database, ids, cancel);

    internal static async Task<IReadOnlyDictionary<string, ConnectionView.SyncCounts>> SyncCountsAsync(
        Database database, IEnumerable<string> ids, CancellationToken cancel)
    {
        var list = ids.ToList();
        if (list.Count == 0)
            return new Dictionary<string, ConnectionView.SyncCounts>();
        await using var db = await database.OpenAsync(cancel);
        var inList = database.Dialect.InList("@list");
        // COUNT, not SUM: it is a 64-bit integer on both databases (PostgreSQL's SUM of bigint is numeric).
        var rows = await db.QueryAsync<(string Id, long Outgoing, long Incoming)>(new CommandDefinition($"""
            SELECT connection_id,
                   COUNT(CASE WHEN direction = 'out' THEN 1 END),
                   COUNT(CASE WHEN direction = 'in' AND applied_at_ms IS NULL THEN 1 END)
            FROM sync_events WHERE connection_id{inList} GROUP BY connection_id
            """, new { list }, cancellationToken: cancel));
        var inSync = (await db.QueryAsync<(string Id, long Count)>(new CommandDefinition(
            $"SELECT connection_id, COUNT(*) FROM twins WHERE connection_id{inList} AND stopped_at_ms IS NULL AND local_issue_id IS NOT NULL GROUP BY connection_id",
            new { list }, cancellationToken: cancel))).ToDictionary(r => r.Id, r => (int)r.Count);
        var errors = (await db.QueryAsync<(string Id, long Count)>(new CommandDefinition(
            $"SELECT connection_id, COUNT(*) FROM sync_errors WHERE connection_id{inList} GROUP BY connection_id",
            new { list }, cancellationToken: cancel))).ToDictionary(r => r.Id, r => (int)r.Count);
        var queues = rows.ToDictionary(r => r.Id, r => ((int)r.Outgoing, (int)r.Incoming));
        return list.Distinct().ToDictionary(id => id, id =>
        {
            var (outgoing, incoming) = queues.GetValueOrDefault(id);
            return new ConnectionView.SyncCounts(outgoing, incoming, inSync.GetValueOrDefault(id), errors.GetValueOrDefault(id));
        });
    }

    public async Task<Connection?> FindAsync(string clientKey, string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var row = await db.QuerySingleOrDefaultAsync<ConnectionRow>(new CommandDefinition(
            ConnectionRow.Select + OfTenant + " AND c.id = @id", new { clientKey, id }, cancellationToken: cancel));
        return row?.ToConnection();
    }

    /// <summary>A new pending connection and its invitation, together or not at all.</summary>
    /// <param name="protectedCode">The invitation code, encrypted (<see cref="Invitations.InvitationCodeProtector"/>), for copying it again while valid.</param>
    /// <param name="siteTitle">The Jira site's own title, for the partner's console; null when Jira did not say.</param>
    public async Task InsertPendingAsync(Connection connection, string secretHash, string protectedCode, string? siteTitle, DateTimeOffset expiresAt, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await using var transaction = await db.BeginTransactionAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO connections (id, side, client_key, name, mode, type, status, local_project_id, local_project_key,
                                     local_project_name, local_site_title, created_at_ms, updated_at_ms)
            VALUES (@Id, 'public', @ClientKey, @Name, @Mode, @Type, 'pending', @ProjectId, @ProjectKey, @ProjectName, @siteTitle, @Now, @Now)
            """,
            new
            {
                connection.Id, connection.ClientKey, connection.Name, connection.Mode, connection.Type,
                ProjectId = connection.LocalProject.Id, ProjectKey = connection.LocalProject.Key, ProjectName = connection.LocalProject.Name, siteTitle,
                Now = connection.CreatedAt.ToUnixTimeMilliseconds(),
            }, transaction, cancellationToken: cancel));
        await db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invitations (connection_id, secret_hash, code_protected, expires_at_ms) VALUES (@id, @secretHash, @protectedCode, @expires)",
            new { id = connection.Id, secretHash, protectedCode, expires = expiresAt.ToUnixTimeMilliseconds() }, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
    }

    /// <summary>Renames and/or moves the connection to another local project; false when it is not the tenant's.</summary>
    public async Task<bool> EditAsync(string clientKey, string id, string? name, ConnectionProject? project, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE connections SET
                name = COALESCE(@name, name),
                local_project_id = COALESCE(@projectId, local_project_id),
                local_project_key = COALESCE(@projectKey, local_project_key),
                local_project_name = COALESCE(@projectName, local_project_name),
                updated_at_ms = @now
            WHERE {RowOfTenant}
            """,
            new { clientKey, id, name, projectId = project?.Id, projectKey = project?.Key, projectName = project?.Name, now = now.ToUnixTimeMilliseconds() },
            cancellationToken: cancel)) > 0;
    }

    /// <summary>Moves the connection from status <paramref name="from"/> to <paramref name="to"/>; false when it was not in <paramref name="from"/>.</summary>
    public async Task<bool> ChangeStatusAsync(string clientKey, string id, string from, string to, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE connections SET status = @to, status_reason = NULL, updated_at_ms = @now WHERE {RowOfTenant} AND status = @from",
            new { clientKey, id, from, to, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancel)) > 0;
    }

    /// <summary>Revokes the invitation of a pending connection whose invitation is still open; false otherwise.</summary>
    /// <summary>The encrypted invitation code of the tenant's pending connection; null when it has none (not pending, or issued before codes were kept).</summary>
    public async Task<string?> FindProtectedCodeAsync(string clientKey, string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteScalarAsync<string?>(new CommandDefinition($"""
            SELECT code_protected FROM invitations
            WHERE connection_id = @id AND EXISTS (SELECT 1 FROM connections WHERE {RowOfTenant} AND status = 'pending')
            """, new { clientKey, id }, cancellationToken: cancel));
    }

    public async Task<bool> RevokeInvitationAsync(string clientKey, string id, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await using var transaction = await db.BeginTransactionAsync(cancel);
        var args = new { clientKey, id, now = now.ToUnixTimeMilliseconds() };
        var revoked = await db.ExecuteAsync(new CommandDefinition($"""
            UPDATE invitations SET revoked_at_ms = @now
            WHERE connection_id = @id AND revoked_at_ms IS NULL AND consumed_at_ms IS NULL
              AND EXISTS (SELECT 1 FROM connections WHERE {RowOfTenant} AND status = 'pending')
            """, args, transaction, cancellationToken: cancel));
        if (revoked == 0)
            return false;
        await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE connections SET status_reason = 'The invitation was revoked.', updated_at_ms = @now WHERE {RowOfTenant}",
            args, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
        return true;
    }

    /// <summary>Soft delete: the row stays for the record, an open invitation is revoked, later accepts find nothing.</summary>
    public async Task<bool> DeleteAsync(string clientKey, string id, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await using var transaction = await db.BeginTransactionAsync(cancel);
        var args = new { clientKey, id, now = now.ToUnixTimeMilliseconds() };
        var deleted = await db.ExecuteAsync(new CommandDefinition(
            $"UPDATE connections SET deleted_at_ms = @now, updated_at_ms = @now WHERE {RowOfTenant}", args, transaction, cancellationToken: cancel));
        if (deleted == 0)
            return false;
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE invitations SET revoked_at_ms = @now WHERE connection_id = @id AND revoked_at_ms IS NULL AND consumed_at_ms IS NULL",
            args, transaction, cancellationToken: cancel));
        await transaction.CommitAsync(cancel);
        return true;
    }
}
