using System.Data.Common;
using ConnectAddon.Hosting;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Storage;

/// <summary>
/// Opens connections to the node's database. SQLite is the embedded default: one file, WAL, full synchronous
/// commits (acknowledged work survives a crash or power loss), and a busy timeout so concurrent writers wait
/// instead of failing. PostgreSQL will be a second implementation of <see cref="SqlDialect"/>.
/// </summary>
public sealed class Database(AddonSettings settings)
{
    // SQLite has one write lock per file, and a writer that finds it taken sleeps in SQLite's busy handler in growing
    // steps (1, 2, 5, 10, 15, 20 … ms: sqliteDefaultBusyCallback), so two writers of this process that meet wait tens of
    // milliseconds for a lock held for two. Writers of the hot paths queue here instead, and each starts the moment the
    // one before commits: the webhook intake's p99 went from 37 ms to under 20 ms with the sync running (tests/Bench
    // webhooks). Every writer of the process could queue here; those that do not still wait in SQLite's handler.
    private readonly SemaphoreSlim writeGate = new(1, 1);

    public SqlDialect Dialect { get; } = SqlDialect.Sqlite;

    /// <summary>Runs <paramref name="write"/> on a connection of its own, after the writes of this process queued before it.</summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancel = default)
    {
        await writeGate.WaitAsync(cancel);
        try
        {
            await using var connection = await OpenAsync(cancel);
            return await write(connection);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task WriteAsync(Func<DbConnection, Task> write, CancellationToken cancel = default) =>
        WriteAsync<bool>(async connection => { await write(connection); return true; }, cancel);

    public async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        var connection = new SqliteConnection(settings.ConnectionString);
        await connection.OpenAsync(cancel);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Dialect.ConnectionSetup;
        await pragma.ExecuteNonQueryAsync(cancel);
        return connection;
    }
}
