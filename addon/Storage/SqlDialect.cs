namespace ConnectAddon.Storage;

/// <summary>
/// What differs between databases, kept in one place. Queries elsewhere use the subset SQLite and PostgreSQL
/// share (INSERT … ON CONFLICT, RETURNING); migrations live in one folder per dialect.
/// </summary>
public sealed record SqlDialect(string Name, string MigrationFolder, string ConnectionSetup, string DatabaseSetup)
{
    public static readonly SqlDialect Sqlite = new(
        Name: "sqlite",
        MigrationFolder: "sqlite",
        // Per connection: wait up to 10 s for a lock, fsync every commit, enforce foreign keys.
        ConnectionSetup: "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
        // Once per file: write-ahead logging lets readers proceed while one writer commits.
        DatabaseSetup: "PRAGMA journal_mode = WAL;");
}
