using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The console's sessions on the server (<c>console_sessions</c>): each login opens one under a new random 256-bit id,
/// which the (encrypted) session cookie carries and every request checks here. So a session ends when its row does:
/// at logout, at a password change, at "sign out everywhere", after <see cref="ConsoleOptions.SessionIdleTimeout"/>
/// without a request and after <see cref="ConsoleOptions.SessionLifetime"/> in all, whatever the browser still holds.
/// Only a hash of the id is stored, and every process sharing the database sees the same rows.
/// </summary>
public sealed class ConsoleSessionStore(Database database, IOptions<ConsoleOptions> options, TimeProvider clock)
{
    /// <summary>Opens a session for <paramref name="username"/> and returns its id (for the cookie only).</summary>
    public async Task<string> OpenAsync(string username, CancellationToken cancel = default)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        // Sessions that ran out are deleted here, at each login, so the table holds live ones only.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM console_sessions WHERE last_seen_at_ms < @idleSince OR created_at_ms < @bornSince; " +
            "INSERT INTO console_sessions (id_hash, username, created_at_ms, last_seen_at_ms) VALUES (@hash, @username, @now, @now)",
            new { hash = Hash(id), username, now, idleSince = now - Ms(options.Value.SessionIdleTimeout), bornSince = now - Ms(options.Value.SessionLifetime) },
            cancellationToken: cancel));
        return id;
    }

    /// <summary>Whether the session is open for <paramref name="username"/>: it exists, was used within the idle timeout, and is younger than its lifetime. Marks it used.</summary>
    public async Task<bool> IsOpenAsync(string id, string username, CancellationToken cancel = default)
    {
        var hash = Hash(id);
        await using var connection = await database.OpenAsync(cancel);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            "SELECT username, created_at_ms, last_seen_at_ms FROM console_sessions WHERE id_hash = @hash", new { hash }, cancellationToken: cancel));
        if (row is null || !string.Equals(row.username, username, StringComparison.Ordinal))
            return false;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var idle = TimeSpan.FromMilliseconds(now - row.last_seen_at_ms);
        if (idle > options.Value.SessionIdleTimeout || TimeSpan.FromMilliseconds(now - row.created_at_ms) > options.Value.SessionLifetime)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM console_sessions WHERE id_hash = @hash", new { hash }, cancellationToken: cancel));
            return false;
        }
        // Being used is written at most once a minute (or a tenth of the idle timeout), not on every request.
        if (idle > TouchInterval)
            await connection.ExecuteAsync(new CommandDefinition("UPDATE console_sessions SET last_seen_at_ms = @now WHERE id_hash = @hash", new { hash, now }, cancellationToken: cancel));
        return true;
    }

    public async Task EndAsync(string id, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM console_sessions WHERE id_hash = @hash", new { hash = Hash(id) }, cancellationToken: cancel));
    }

    /// <summary>Ends every session of <paramref name="username"/>, in every browser and every process; how many there were.</summary>
    public async Task<int> EndAllAsync(string username, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM console_sessions WHERE username = @username", new { username }, cancellationToken: cancel));
    }

    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.Value.SessionIdleTimeout.Ticks / 10));

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;

    private static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));

    private sealed record SessionRow(string username, long created_at_ms, long last_seen_at_ms);
}
