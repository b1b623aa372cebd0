using System.Diagnostics;
using Npgsql;

namespace ConnectAddon.TestKit;

/// <summary>
/// The PostgreSQL server that tests and benchmarks put their databases on: the one named by the environment variable
/// <c>ADDON_TEST_POSTGRES</c> (an Npgsql connection string; <c>.ci/run</c> sets it to the throwaway cluster it
/// starts), else a throwaway cluster of this process's own, started by <c>tests/Postgres/cluster.sh</c> on first use
/// and removed when the process exits. Every test gets a database of its own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public static class TestPostgres
{
    public const string Variable = "ADDON_TEST_POSTGRES";

    private static readonly Lazy<string> Server = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The server's connection string, to its maintenance database <c>postgres</c>.</summary>
    public static string ServerConnectionString => Server.Value;

    /// <summary>A new, empty database on the server; its connection string. Named so a leftover one says where it came from.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose = "test")
    {
        var name = $"{Sanitise(purpose)}_{Guid.NewGuid():N}"; // at most 61 characters of PostgreSQL's 63
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            // FILE_COPY: copying template1's files is quicker than WAL-logging them for a database this small.
            create.CommandText = $"CREATE DATABASE \"{name}\" STRATEGY FILE_COPY";
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, ending the sessions still on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private static string Sanitise(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(28).ToArray()) is { Length: > 0 } s ? s : "test";

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
            return given;
        var script = Path.Combine(RepositoryLayout.Root, "tests", "Postgres", "cluster.sh");
        var folder = Run(script, "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return Run(script, "url", folder);
    }

    private static string Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"tests/Postgres/cluster.sh {args[0]} did not finish in 2 minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tests/Postgres/cluster.sh {args[0]} failed ({process.ExitCode}): {error.Result}");
        return output.Result.Trim();
    }
}
