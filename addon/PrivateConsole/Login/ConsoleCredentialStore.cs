using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>The console's stored logins (<c>console_credentials</c>): user name and password hash only.</summary>
public sealed class ConsoleCredentialStore(Database database, TimeProvider clock)
{
    public async Task<string?> FindHashAsync(string username, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        return await connection.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition("SELECT password_hash FROM console_credentials WHERE username = @username", new { username }, cancellationToken: cancel));
    }

    /// <summary>
    /// Stores a hash only if the user has none yet; false when another start (a second process on the same data
    /// folder) got there first, so only the winner shows its generated password.
    /// </summary>
    public async Task<bool> AddIfAbsentAsync(string username, string passwordHash, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO console_credentials (username, password_hash, created_at_ms) VALUES (@username, @passwordHash, @now) ON CONFLICT (username) DO NOTHING",
            new { username, passwordHash, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
        return added == 1;
    }

    public async Task SetAsync(string username, string passwordHash, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO console_credentials (username, password_hash, created_at_ms) VALUES (@username, @passwordHash, @now) " +
            "ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash",
            new { username, passwordHash, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }
}
