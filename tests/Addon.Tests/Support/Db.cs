using Dapper;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Tests.Support;

/// <summary>Reads the app's database file directly: what a test asserts was (or was not) stored.</summary>
public static class Db
{
    public static async Task<T> ScalarAsync<T>(this AddonHost host, string sql, object? args = null)
    {
        _ = host.Services; // starts the app, which creates and migrates the database
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    public static async Task<List<T>> QueryAsync<T>(this AddonHost host, string sql, object? args = null)
    {
        _ = host.Services; // starts the app, which creates and migrates the database
        await using var connection = new SqliteConnection($"Data Source={host.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    /// <summary>Everything the app stores, as text: a refused request must leave it exactly as it was.</summary>
    public static async Task<string> SnapshotAsync(this AddonHost host)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "tenants", "webhook_deliveries", "dirty_issues" })
        {
            var rows = await host.QueryAsync<dynamic>($"SELECT * FROM {table} ORDER BY 1, 2");
            parts.Add(table + ":" + string.Join(";", rows.Select(r => string.Join(",", ((IDictionary<string, object>)r).Select(kv => $"{kv.Key}={kv.Value}")))));
        }
        return string.Join("\n", parts);
    }
}
