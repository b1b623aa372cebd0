using ConnectAddon.Connections;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.PrivateConsole.Poller;

/// <summary>The private node's connections as the poller sees them.</summary>
public sealed class PollTargets(Database database, ConnectionKeyProtector keys)
{
    /// <summary>
    /// Connections to exchange for: not deleted here, not deleted by the public node, and accepted (they hold a key).
    /// Deactivated ones too: the public node decides what flows and says so in its answer.
    /// </summary>
    public async Task<IReadOnlyList<PollTarget>> ListAsync(CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<(string Id, string? Url, string? Key)>(new CommandDefinition("""
            SELECT id, remote_base_url, connection_key FROM connections
            WHERE side = 'private' AND deleted_at_ms IS NULL AND peer_deleted_at_ms IS NULL AND connection_key IS NOT NULL
            ORDER BY created_at_ms, id
            """, cancellationToken: cancel));
        return rows.Where(r => Uri.IsWellFormedUriString(r.Url, UriKind.Absolute))
            .Select(r => new PollTarget(r.Id, new Uri(r.Url!), keys.Unprotect(r.Key!))).ToList();
    }

    /// <summary>The public node deleted the connection: shown as an error with the reason, and no longer polled.</summary>
    public async Task MarkDeletedByPeerAsync(string connectionId, string reason, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE connections SET status = @error, status_reason = @reason, peer_deleted_at_ms = @now, updated_at_ms = @now
            WHERE id = @connectionId AND side = 'private'
            """, new { connectionId, error = ConnectionStatus.Error, reason, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }

    /// <summary>A successful exchange: the connection's "last polled", and the end of any failure shown.</summary>
    public async Task RecordExchangedAsync(string connectionId, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE connections SET last_polled_at_ms = @now, last_error = NULL, last_error_at_ms = NULL
            WHERE id = @connectionId AND side = 'private'
            """, new { connectionId, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }

    /// <summary>A failed exchange: shown as the connection's reason until the next success.</summary>
    public async Task RecordFailureAsync(string connectionId, string reason, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            UPDATE connections SET last_error = @reason, last_error_at_ms = @now
            WHERE id = @connectionId AND side = 'private'
            """, new { connectionId, reason, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }
}
