using System.Data.Common;
using ConnectAddon.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectAddon.Storage;

/// <summary>
/// Opens connections to the node's database (<c>Storage:Provider</c>). SQLite is the embedded default: one file, WAL,
/// full synchronous commits (acknowledged work survives a crash or power loss), and a busy timeout so concurrent
/// writers wait instead of failing. PostgreSQL serves a public node that runs as several processes: a pooled
/// <see cref="NpgsqlDataSource"/>, and row locks instead of one writer at a time (<see cref="SqlDialect"/>).
/// </summary>
public sealed class Database : IAsyncDisposable, IDisposable
{
    // SQLite has one write lock per file, and a writer that finds it taken sleeps in SQLite's busy handler in growing
    // steps (1, 2, 5, 10, 15, 20 … ms: sqliteDefaultBusyCallback), so two writers of this process that meet wait tens of
    // milliseconds for a lock held for two. Writers of the hot paths queue here instead, and each starts the moment the
    // one before commits, the webhook intake (a 204 waits for it) before the sync's background writes (tests/Bench
    // webhooks: p99 37 ms with the sync running before). Every writer of the process could queue here; those that do not still wait in SQLite's handler.
    private readonly WriteGate writeGate = new();
    private readonly string connectionString;
    private readonly NpgsqlDataSource? postgres;

    public Database(AddonSettings settings)
    {
        Dialect = SqlDialect.For(settings.StorageProvider);
        connectionString = settings.ConnectionString;
        if (Dialect == SqlDialect.Postgres)
            postgres = NpgsqlDataSource.Create(connectionString);
    }

    public SqlDialect Dialect { get; }

    /// <summary>
    /// Runs <paramref name="write"/> on a connection of its own; on SQLite after the writes of this process queued
    /// before it, an <paramref name="urgent"/> one (a caller waits for it) before the background ones.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancel = default, bool urgent = false)
    {
        using var turn = Dialect.SingleWriter ? await writeGate.EnterAsync(urgent, cancel) : null;
        await using var connection = await OpenAsync(cancel);
        return await write(connection);
    }

    public Task WriteAsync(Func<DbConnection, Task> write, CancellationToken cancel = default, bool urgent = false) =>
        WriteAsync<bool>(async connection => { await write(connection); return true; }, cancel, urgent);

    public async Task<DbConnection> OpenAsync(CancellationToken cancel = default)
    {
        if (postgres is not null)
            return await postgres.OpenConnectionAsync(cancel);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancel);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Dialect.ConnectionSetup;
        await pragma.ExecuteNonQueryAsync(cancel);
        return connection;
    }

    public ValueTask DisposeAsync() => postgres?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => postgres?.Dispose();
}
