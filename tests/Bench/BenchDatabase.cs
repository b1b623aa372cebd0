using System.Data.Common;
using ConnectAddon.TestKit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectAddon.Bench;

/// <summary>
/// A running node's database as the benchmarks read it: the node's SQLite file, or its PostgreSQL database. Reads
/// only, but an SQLite file is opened read-write as the node opens it (never creating it): a read-only connection to
/// a WAL database depends on the -shm file's permissions. No pooling on SQLite, so the file is released at once.
/// The SQL passed in must be what both stores read alike (parameters written <c>@name</c>).
/// </summary>
public sealed class BenchDatabase
{
    private readonly Func<DbConnection> open;

    private BenchDatabase(Func<DbConnection> open) => this.open = open;

    public static BenchDatabase SqliteFile(string databaseFile) => new(() =>
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        db.Open();
        return db;
    });

    public static BenchDatabase Of(TestDatabase database) => database.Store == TestStore.Sqlite
        ? SqliteFile(database.DatabaseFile())
        : new(() =>
        {
            var db = new NpgsqlConnection(database.ConnectionString);
            db.Open();
            return db;
        });

    /// <summary>Where the database is, for a report: the SQLite file, or PostgreSQL's host, port and database (never the password).</summary>
    public static string Describe(TestDatabase database) =>
        database.Store == TestStore.Sqlite
            ? database.DatabaseFile()
            : new NpgsqlConnectionStringBuilder(database.ConnectionString) is var pg ? $"PostgreSQL {pg.Host}:{pg.Port}/{pg.Database}" : "";

    /// <summary>Runs <paramref name="sql"/>; the first column of its first row as a whole number (0 for none or NULL).</summary>
    public long Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var db = open();
        using var command = Command(db, sql, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    /// <summary>Every row, each as its columns' values (null for NULL).</summary>
    public List<object?[]> Rows(string sql, params (string Name, object? Value)[] parameters)
    {
        using var db = open();
        using var command = Command(db, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static DbCommand Command(DbConnection db, string sql, (string Name, object? Value)[] parameters)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
