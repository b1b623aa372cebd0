using System.Data.Common;
using ConnectAddon.Hosting;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Storage.Copy;

/// <summary>
/// <c>Addon copy-store --from path/to/addon.db</c>: moves a stopped SQLite deployment onto the PostgreSQL database
/// the node's settings name (README, "Running on PostgreSQL and several processes"). Every table's rows are copied
/// in one transaction, parents before children; the Data Protection key ring goes from the file's <c>keys/</c> folder
/// into the database, so every secret encrypted at rest still decrypts; received attachment files go to the new data
/// folder. The target must be empty (migrated or not) and the source migrated by this version: otherwise nothing is
/// written and the command says why. Afterwards each table's row count is compared and printed.
/// </summary>
public static class StoreCopy
{
    public const string Command = "copy-store";

    /// <summary>Runs the command; the process's exit code (0 copied, 2 refused: nothing was written).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var from = Option(args, "--from");
        var builder = WebApplication.CreateBuilder(args.Where((a, i) => a != "--from" && (i == 0 || args[i - 1] != "--from")).ToArray());
        AddonSettings settings;
        try
        {
            settings = AddonSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
        }
        catch (InvalidSettingsException invalid)
        {
            output.WriteLine(invalid.Message);
            return 2;
        }
        if (from is null || !File.Exists(from))
            return Refuse(output, from is null ? "--from names no file: give the SQLite database to copy, e.g. --from data/addon.db"
                : $"--from '{from}' is no file: give the SQLite database to copy (the node using it stopped)");
        if (settings.StorageProvider != "postgres")
            return Refuse(output, "Storage:Provider is not 'postgres': set it, and Storage:ConnectionString (best as the environment variable Storage__ConnectionString), to the database to copy into");

        var source = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(from), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var sqlite = new SqliteConnection(source);
        await sqlite.OpenAsync();
        var latest = Migrator.Migrations(SqlDialect.Sqlite).Max(m => m.Version);
        var version = await sqlite.ExecuteScalarAsync<long?>("SELECT MAX(version) FROM schema_migrations");
        if (version != latest)
            return Refuse(output, $"The SQLite database is at migration {version?.ToString() ?? "none"}, this version's latest is {latest}: start the node on it once (it migrates at start), stop it, then copy");

        await using var database = new Database(settings);
        await new Migrator(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync();
        await using var target = await database.OpenAsync();
        var tables = await TablesInOrderAsync(sqlite);
        foreach (var table in tables.Append("data_protection_keys"))
            if (await target.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}") > 0)
                return Refuse(output, $"The PostgreSQL database holds data already ({table}): copy into an empty database only");

        var keyFolder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(from))!, "keys");
        var keys = Directory.Exists(keyFolder) ? Directory.GetFiles(keyFolder, "*.xml") : [];
        await using (var transaction = await target.BeginTransactionAsync())
        {
            foreach (var table in tables)
                await CopyTableAsync(sqlite, target, transaction, table);
            foreach (var key in keys)
                await target.ExecuteAsync("INSERT INTO data_protection_keys (name, xml, stored_at_ms) VALUES (@name, @xml, @now)",
                    new { name = Path.GetFileNameWithoutExtension(key), xml = await File.ReadAllTextAsync(key), now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction);
            await transaction.CommitAsync();
        }

        var differ = false;
        foreach (var table in tables)
        {
            var (copied, there) = (await sqlite.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"), await target.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"));
            differ |= copied != there;
            output.WriteLine($"{table}: {there} rows{(copied == there ? "" : $" (the SQLite file has {copied})")}");
        }
        output.WriteLine($"data_protection_keys: {keys.Length} keys from {keyFolder}");
        var files = CopyAttachments(Path.GetDirectoryName(Path.GetFullPath(from))!, settings.DataDirectory);
        output.WriteLine($"attachments: {files} files into {Path.Combine(settings.DataDirectory, "attachments")}");
        return differ ? 1 : 0;
    }

    private static int Refuse(TextWriter output, string why)
    {
        output.WriteLine("Nothing was copied: " + why + ".");
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>The source's tables (but the migrations' own), each after the tables its foreign keys name.</summary>
    private static async Task<List<string>> TablesInOrderAsync(SqliteConnection sqlite)
    {
        var names = (await sqlite.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")).ToList();
        var parents = new Dictionary<string, List<string>>();
        foreach (var name in names)
            parents[name] = (await sqlite.QueryAsync<string>($"SELECT \"table\" FROM pragma_foreign_key_list('{name}')")).Where(p => p != name).Distinct().ToList();
        var ordered = new List<string>();
        void Visit(string table)
        {
            if (ordered.Contains(table))
                return;
            foreach (var parent in parents.GetValueOrDefault(table, []))
                Visit(parent);
            ordered.Add(table);
        }
        names.ForEach(Visit);
        return ordered;
    }

    private static async Task CopyTableAsync(SqliteConnection sqlite, DbConnection target, DbTransaction transaction, string table)
    {
        var rows = await sqlite.QueryAsync($"SELECT * FROM {table}");
        foreach (IDictionary<string, object?> row in rows)
        {
            var columns = row.Keys.ToList();
            var parameters = new DynamicParameters();
            for (var i = 0; i < columns.Count; i++)
                parameters.Add("p" + i, row[columns[i]]);
            await target.ExecuteAsync(
                $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})", parameters, transaction);
        }
    }

    private static int CopyAttachments(string fromFolder, string toFolder)
    {
        var from = Path.Combine(fromFolder, "attachments");
        var to = Path.Combine(toFolder, "attachments");
        if (!Directory.Exists(from) || Path.GetFullPath(from) == Path.GetFullPath(to))
            return 0;
        var count = 0;
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: false);
            count++;
        }
        return count;
    }
}
