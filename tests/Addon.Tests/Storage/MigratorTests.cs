using ConnectAddon.Storage;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConnectAddon.Tests.Storage;

/// <summary>Migrations on either store: all of them, once, however many processes start together on one database.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class MigratorTests(TestStore store)
{
    private TestDatabase stored = null!;

    [SetUp]
    public void NewDatabase() => stored = TestDatabase.Create(store, purpose: "migrator");

    [TearDown]
    public async Task RemoveDatabase() => await stored.DisposeAsync();

    [Test]
    public async Task FourProcessesStartingTogether_ApplyEveryMigrationOnce()
    {
        Directory.CreateDirectory(stored.DataDirectory);
        var databases = Enumerable.Range(0, 4).Select(_ => new Database(StoreSettings.For(stored))).ToList();
        try
        {
            await Task.WhenAll(databases.Select(d => Task.Run(() => new Migrator(d, NullLogger<Migrator>.Instance).MigrateAsync())));
        }
        finally
        {
            foreach (var database in databases)
                await database.DisposeAsync();
        }

        var embedded = Migrator.Migrations(SqlDialect.For(store == TestStore.Postgres ? "postgres" : "sqlite")).Select(m => m.Version).ToList();
        Assert.That(embedded, Is.Ordered.And.Unique.And.Not.Empty);
        Assert.That(await stored.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version"), Is.EqualTo(embedded));
    }

    [Test]
    public void EveryDialect_HasTheSameTablesAfterMigrating_ButForWhatOneKeepsElsewhere()
    {
        // The two folders are kept side by side: a table added to one is added to the other (the key ring is the one
        // exception: SQLite keeps it as files beside its database).
        static HashSet<string> Tables(SqlDialect dialect) => Migrator.Migrations(dialect)
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.Sql, @"CREATE TABLE (\w+)").Select(x => x.Groups[1].Value))
            .Where(t => t != "tenants_new").ToHashSet();
        var sqlite = Tables(SqlDialect.Sqlite);
        var postgres = Tables(SqlDialect.Postgres);
        Assert.That(postgres.Except(sqlite), Is.EquivalentTo(new[] { "data_protection_keys" }));
        Assert.That(sqlite.Except(postgres), Is.Empty);
    }
}
