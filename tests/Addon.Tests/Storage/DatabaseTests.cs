using System.Net;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Storage;

/// <summary>The embedded database: a real file, migrated at start, durable across restarts.</summary>
public class DatabaseTests
{
    private string dataDirectory = null!;

    [SetUp]
    public void NewFolder() => dataDirectory = Path.Combine(Path.GetTempPath(), "addon-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task FirstStart_CreatesTheDataFolderAndAppliesEveryMigrationOnce()
    {
        var embedded = ConnectAddon.Storage.Migrator.Migrations(ConnectAddon.Storage.SqlDialect.Sqlite).Select(m => m.Version).ToList();
        Assert.That(embedded, Is.Ordered.And.Unique.And.Not.Empty);
        using (var host = new AddonHost(dataDirectory: dataDirectory))
            Assert.That(await host.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"), Is.EqualTo(embedded));
        using (var again = new AddonHost(dataDirectory: dataDirectory))
            Assert.That(await again.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"), Is.EqualTo(embedded));
        Assert.That(File.Exists(Path.Combine(dataDirectory, "addon.db")));
    }

    [Test]
    public async Task Database_UsesWriteAheadLogging()
    {
        using var host = new AddonHost(dataDirectory: dataDirectory);
        Assert.That(await host.ScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Restart_KeepsTenantsAndCanStillReadTheirEncryptedSecrets()
    {
        JiraSite site;
        using (var first = new AddonHost(dataDirectory: dataDirectory))
            site = await first.InstallAsync("client-1");

        using var second = new AddonHost(dataDirectory: dataDirectory);
        using var response = await second.PostJsonAsync("/webhooks/issue-updated",
            """{"webhookEvent":"jira:issue_updated","issue":{"id":"10001"}}""", site.Token("POST", "/webhooks/issue-updated"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Directory.GetFiles(Path.Combine(dataDirectory, "keys"), "*.xml"), Is.Not.Empty, "Data Protection keys are kept beside the database");
    }

    [Test]
    public async Task DatabaseFromANewerVersion_StopsStartUp()
    {
        using (var host = new AddonHost(dataDirectory: dataDirectory))
            await host.ScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "addon.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 0)";
            await insert.ExecuteNonQueryAsync();
        }

        using var newer = new AddonHost(dataDirectory: dataDirectory);
        var failure = Assert.Catch(() => _ = newer.Services);
        Assert.That(failure!.ToString(), Does.Contain("newer version"));
    }
}
