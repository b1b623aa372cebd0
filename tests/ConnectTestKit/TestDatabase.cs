using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectAddon.TestKit;

/// <summary>
/// A node's database for one test, outliving the node so a test can restart it on the same data: an SQLite file in a
/// new data folder, or a new database on <see cref="TestPostgres"/> with a data folder beside it (attachment bytes).
/// <see cref="Settings"/> are what the node is started with; <see cref="OpenAsync"/> reads what it stored.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(TestStore store, string dataDirectory, string connectionString)
    {
        Store = store;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
    }

    public TestStore Store { get; }
    public string DataDirectory { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// The store tests use when they do not say: SQLite, or what the environment variable <c>ADDON_TEST_STORE</c>
    /// names (<c>postgres</c> runs every such test on PostgreSQL, to try the whole suite on it).
    /// </summary>
    public static TestStore DefaultStore =>
        Environment.GetEnvironmentVariable("ADDON_TEST_STORE") is { } named && named.Equals("postgres", StringComparison.OrdinalIgnoreCase)
            ? TestStore.Postgres
            : TestStore.Sqlite;

    /// <param name="dataDirectory">The data folder (SQLite: its file is <c>addon.db</c> there); a new one under the temp folder by default.</param>
    public static TestDatabase Create(TestStore store, string? dataDirectory = null, string purpose = "test")
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "addon-tests", Guid.NewGuid().ToString("N"));
        return store == TestStore.Postgres
            ? new TestDatabase(store, dataDirectory, TestPostgres.CreateDatabaseAsync(purpose).GetAwaiter().GetResult())
            : new TestDatabase(store, dataDirectory, $"Data Source={Path.Combine(dataDirectory, "addon.db")}");
    }

    /// <summary>The SQLite file (an SQLite database only).</summary>
    public string DatabaseFile() => Store == TestStore.Sqlite
        ? Path.Combine(DataDirectory, "addon.db")
        : throw new InvalidOperationException("A PostgreSQL database has no file.");

    /// <summary>The node's settings for this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => Store == TestStore.Postgres
        ? new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:DataDirectory"] = DataDirectory,
        }
        : new Dictionary<string, string?> { ["Storage:ConnectionString"] = ConnectionString };

    /// <summary>A connection of the test's own (not pooled on SQLite, so the file can be deleted afterwards).</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Store == TestStore.Postgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Removes the database and its data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Store == TestStore.Postgres)
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        else
            SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException) { }
    }
}
