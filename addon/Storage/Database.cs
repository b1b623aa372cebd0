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
    public SqlDialect Dialect { get; } = SqlDialect.Sqlite;

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
