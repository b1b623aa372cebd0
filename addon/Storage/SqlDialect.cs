using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConnectAddon.Storage;

/// <summary>
/// What differs between the two databases, kept in one place. Queries elsewhere use the subset SQLite and PostgreSQL
/// share (INSERT … ON CONFLICT, RETURNING, row values) and take the few words that differ from here; migrations live
/// in one folder per dialect (<c>Storage/Migrations/sqlite</c>, <c>…/postgres</c>), with the same numbers.
/// </summary>
public sealed record SqlDialect
{
    public required string Name { get; init; }
    public required string MigrationFolder { get; init; }

    /// <summary>Run on every new connection (SQLite's pragmas); empty when nothing is needed.</summary>
    public required string ConnectionSetup { get; init; }

    /// <summary>Run once before migrating (SQLite's journal mode); empty when nothing is needed.</summary>
    public required string DatabaseSetup { get; init; }

    /// <summary>
    /// The function that takes the larger of two values: SQLite's scalar <c>MAX(a, b)</c>, PostgreSQL's <c>GREATEST</c>
    /// (PostgreSQL's MAX is only the aggregate).
    /// </summary>
    public required string Greatest { get; init; }

    /// <summary>
    /// Appended to a SELECT inside a transaction that will update what it read. SQLite needs nothing: its transactions
    /// begin IMMEDIATE (Microsoft.Data.Sqlite) and hold the file's write lock; PostgreSQL locks the rows read.
    /// </summary>
    public required string ForUpdate { get; init; }

    /// <summary><see cref="ForUpdate"/> for a join: only the rows of <c>alias</c> are locked (PostgreSQL refuses to lock an outer join's nullable side).</summary>
    public required Func<string, string> ForUpdateOf { get; init; }

    /// <summary>
    /// Appended to the SELECT that picks a queue's rows to claim: on PostgreSQL rows another process is claiming are
    /// skipped, not waited for, so N processes share a queue (SKIP LOCKED); SQLite has one writer at a time anyway.
    /// </summary>
    public required string SkipLocked { get; init; }

    /// <summary>
    /// Whether the database takes one writer at a time (SQLite's file lock): then the process's writers queue in
    /// <see cref="WriteGate"/> rather than in the busy handler. PostgreSQL locks rows, and its writers go at once.
    /// </summary>
    public required bool SingleWriter { get; init; }

    /// <summary>
    /// "Is one of the list <c>@name</c>": Dapper expands a list parameter into <c>(@name1, @name2, …)</c> for SQLite, but
    /// hands it to Npgsql as one array, which PostgreSQL compares with <c>= ANY(…)</c>.
    /// </summary>
    public required Func<string, string> InList { get; init; }

    /// <summary>
    /// A statement that makes the transactions naming the same key (a parameter, text) take turns until each commits,
    /// without locking a row that other writers update: PostgreSQL's transaction-level advisory lock (two-key form,
    /// which never meets the migrator's one-key lock); empty on SQLite, whose transactions take turns anyway.
    /// </summary>
    public required Func<string, string> TakeTurnsOn { get; init; }

    /// <summary>Whether <paramref name="e"/> is a unique or primary-key violation (the row is there already).</summary>
    public required Func<Exception, bool> IsUniqueViolation { get; init; }

    public static readonly SqlDialect Sqlite = new()
    {
        Name = "sqlite",
        MigrationFolder = "sqlite",
        // Per connection: wait up to 10 s for a lock, fsync every commit, enforce foreign keys.
        ConnectionSetup = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        // Once per file: write-ahead logging lets readers proceed while one writer commits.
        DatabaseSetup = "PRAGMA journal_mode = WAL;",
        Greatest = "MAX",
        ForUpdate = "",
        ForUpdateOf = _ => "",
        SkipLocked = "",
        SingleWriter = true,
        InList = parameter => " IN " + parameter,
        TakeTurnsOn = _ => "",
        // SQLITE_CONSTRAINT (19): the extended codes for PRIMARYKEY and UNIQUE share it.
        IsUniqueViolation = e => e is SqliteException { SqliteErrorCode: 19 },
    };

    public static readonly SqlDialect Postgres = new()
    {
        Name = "postgres",
        MigrationFolder = "postgres",
        ConnectionSetup = "",
        DatabaseSetup = "",
        Greatest = "GREATEST",
        ForUpdate = " FOR UPDATE",
        ForUpdateOf = alias => " FOR UPDATE OF " + alias,
        SkipLocked = " FOR UPDATE SKIP LOCKED",
        SingleWriter = false,
        InList = parameter => $" = ANY({parameter})",
        TakeTurnsOn = key => $"SELECT pg_advisory_xact_lock(1, hashtext({key}))",
        IsUniqueViolation = e => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
    };

    public static SqlDialect For(string provider) => provider switch
    {
        "sqlite" => Sqlite,
        "postgres" => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Storage:Provider is 'sqlite' or 'postgres'"),
    };
}
