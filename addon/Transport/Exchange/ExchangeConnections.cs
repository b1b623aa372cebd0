using ConnectAddon.Connections;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Exchange;

/// <summary>The public node's connection rows as the exchange reads and touches them: by id alone, deleted ones included.</summary>
public sealed class ExchangeConnections(Database database, ConnectionKeyProtector keys)
{
    public async Task<ExchangeConnection?> FindAsync(string id, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var row = await db.QuerySingleOrDefaultAsync<(string Status, long? DeletedAtMs, string? Key)>(new CommandDefinition(
            "SELECT status, deleted_at_ms, connection_key FROM connections WHERE id = @id AND side = 'public'",
            new { id }, cancellationToken: cancel));
        if (row == default)
            return null;
        return new ExchangeConnection(id, row.Status, row.DeletedAtMs is not null, row.Key is null ? null : keys.Unprotect(row.Key));
    }

    /// <summary>DESIGN §5's "when the private side last polled": every authenticated exchange.</summary>
    public async Task RecordPolledAsync(string id, DateTimeOffset now, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "UPDATE connections SET last_polled_at_ms = @now WHERE id = @id AND side = 'public'",
            new { id, now = now.ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }
}
