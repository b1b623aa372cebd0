using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace ConnectAddon.Storage;

/// <summary>
/// Applies the numbered, forward-only SQL migrations embedded under <c>Storage/Migrations/&lt;dialect&gt;/NNNN_name.sql</c>,
/// each in its own transaction together with its row in <c>schema_migrations</c>. A database that is newer than
/// this program (it has migrations we do not know) stops start-up rather than being used wrongly. On PostgreSQL the
/// whole run holds a session-level advisory lock, so several processes that start together migrate once: the others
/// wait, then find every migration applied.
/// </summary>
public sealed partial class Migrator(Database database, ILogger<Migrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        if (database.Dialect == SqlDialect.Postgres)
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancel));
        try
        {
            await MigrateAsync(connection, cancel);
        }
        finally
        {
            if (database.Dialect == SqlDialect.Postgres)
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    /// <summary>The advisory lock's number: any fixed value that no other program on the database uses ("migrate" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x6d696772617465;

    private async Task MigrateAsync(DbConnection connection, CancellationToken cancel)
    {
        if (database.Dialect.DatabaseSetup.Length > 0)
            await connection.ExecuteAsync(database.Dialect.DatabaseSetup);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at_ms BIGINT NOT NULL)");
        var applied = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations")).ToHashSet();
        var known = Migrations(database.Dialect).ToList();
        if (known.Count == 0)
            throw new InvalidOperationException($"No {database.Dialect.Name} migrations are embedded in this build.");

        var unknown = applied.Except(known.Select(m => m.Version)).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"The database has migrations this version does not know ({string.Join(", ", unknown)}); it was written by a newer version.");

        foreach (var migration in known.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancel);
            // Asked again under the transaction's lock (SQLite's write lock; on PostgreSQL the advisory lock already
            // serialises): a process that started at the same moment may have applied it meanwhile.
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction) > 0)
                continue;
            await connection.ExecuteAsync(migration.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at_ms) VALUES (@Version, @Name, @Now)",
                new { migration.Version, migration.Name, Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction);
            await transaction.CommitAsync(cancel);
            logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
        }
    }

    public static IEnumerable<Migration> Migrations(SqlDialect dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{dialect.MigrationFolder}/";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = resource[prefix.Length..];
            var match = MigrationName().Match(fileName);
            if (!match.Success)
                throw new InvalidOperationException($"Migration resource '{fileName}' is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return new Migration(long.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd());
        }
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
