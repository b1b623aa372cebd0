using ConnectAddon.Connections;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync;

/// <summary>The connections the sync works for, on whichever side this node is: any status but pending, not deleted.</summary>
public sealed class SyncConnections(Database database)
{
    private const string Live = " AND c.deleted_at_ms IS NULL AND c.status <> 'pending'";

    public async Task<Connection?> FindAsync(string connectionId, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var row = await db.QuerySingleOrDefaultAsync<ConnectionRow>(new CommandDefinition(
            ConnectionRow.Select + " WHERE c.id = @connectionId" + Live, new { connectionId }, cancellationToken: cancel));
        return row?.ToConnection();
    }

    /// <summary>A public node's connections of one tenant.</summary>
    public async Task<IReadOnlyList<Connection>> OfTenantAsync(string clientKey, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<ConnectionRow>(new CommandDefinition(
            ConnectionRow.Select + " WHERE c.side = 'public' AND c.client_key = @clientKey" + Live, new { clientKey }, cancellationToken: cancel));
        return rows.Select(r => r.ToConnection()).ToList();
    }

    public async Task<IReadOnlyList<Connection>> AllAsync(CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<ConnectionRow>(new CommandDefinition(ConnectionRow.Select + " WHERE 1 = 1" + Live, cancellationToken: cancel));
        return rows.Select(r => r.ToConnection()).ToList();
    }
}
