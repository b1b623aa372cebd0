using ConnectAddon.TestKit;
using Dapper;

namespace ConnectAddon.Tests.Support;

/// <summary>Reads the app's database directly (either store): what a test asserts was (or was not) stored.</summary>
public static class Db
{
    public static async Task<T> ScalarAsync<T>(this AddonHost host, string sql, object? args = null)
    {
        _ = host.Services; // starts the app, which creates and migrates the database
        return await host.Database.ScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    public static async Task<List<T>> QueryAsync<T>(this AddonHost host, string sql, object? args = null)
    {
        _ = host.Services; // starts the app, which creates and migrates the database
        return await host.Database.QueryAsync<T>(sql, args);
    }

    public static async Task<T?> ScalarAsync<T>(this TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args);
    }

    public static async Task<List<T>> QueryAsync<T>(this TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    public static async Task<int> ExecuteAsync(this TestDatabase database, string sql, object? args = null)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(sql, args);
    }

    /// <summary>Everything the app stores, as text: a refused request must leave it exactly as it was.</summary>
    public static Task<string> SnapshotAsync(this AddonHost host)
    {
        _ = host.Services; // starts the app, which creates and migrates the database
        return host.Database.RowsAsync("tenants", "webhook_deliveries", "dirty_issues");
    }

    /// <summary>
    /// Everything the database holds, as text, to show a secret is not in it: the SQLite file and its write-ahead log
    /// byte for byte (free pages too), or every row of every table on PostgreSQL.
    /// </summary>
    public static async Task<string> EverythingStoredAsync(this AddonHost host)
    {
        _ = host.Services;
        if (host.Database.Store == TestStore.Postgres)
            return await host.Database.RowsAsync([.. await host.Database.QueryAsync<string>(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")]);
        var wal = host.DatabaseFile + "-wal";
        return System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(host.DatabaseFile))
               + (File.Exists(wal) ? System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal)) : "");
    }

    /// <summary>Every row of <paramref name="tables"/> as text, in key order, to compare before and after.</summary>
    public static async Task<string> RowsAsync(this TestDatabase database, params string[] tables)
    {
        await using var connection = await database.OpenAsync();
        var parts = new List<string>();
        foreach (var table in tables)
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1, 2");
            parts.Add(table + ":" + string.Join(";", rows.Select(r => string.Join(",", ((IDictionary<string, object>)r).Select(kv => $"{kv.Key}={kv.Value}")))));
        }
        return string.Join("\n", parts);
    }
}
