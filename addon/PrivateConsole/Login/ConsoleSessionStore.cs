using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Storage;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The console's sessions on the server (<c>console_sessions</c>), as the cookie scheme's session store: the cookie
/// carries a random 256-bit key, this table its SHA-256 and the ticket. So a session ends when its row does: at logout,
/// at a password change, at "sign out everywhere", after <see cref="ConsoleOptions.SessionIdleTimeout"/> without a
/// request and after <see cref="ConsoleOptions.SessionLifetime"/> in all, whatever the browser still holds. Every process
/// sharing the database sees the same rows.
/// </summary>
public sealed class ConsoleSessionStore(Database database, IOptions<ConsoleOptions> options, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync();
        // Sessions that ran out are deleted here, at the next login, so the table holds live ones only.
        await connection.ExecuteAsync(
            "DELETE FROM console_sessions WHERE last_seen_at_ms < @idleSince OR created_at_ms < @bornSince; " +
            "INSERT INTO console_sessions (key_hash, username, ticket, created_at_ms, last_seen_at_ms) VALUES (@hash, @username, @ticket, @now, @now)",
            new
            {
                hash = Hash(key), username = ticket.Principal.Identity?.Name ?? "", ticket = TicketSerializer.Default.Serialize(ticket), now,
                idleSince = now - (long)options.Value.SessionIdleTimeout.TotalMilliseconds,
                bornSince = now - (long)options.Value.SessionLifetime.TotalMilliseconds,
            });
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("UPDATE console_sessions SET ticket = @ticket WHERE key_hash = @hash",
            new { hash = Hash(key), ticket = TicketSerializer.Default.Serialize(ticket) });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var hash = Hash(key);
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            "SELECT ticket, created_at_ms, last_seen_at_ms FROM console_sessions WHERE key_hash = @hash", new { hash });
        if (row is null)
            return null;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var idle = TimeSpan.FromMilliseconds(now - row.last_seen_at_ms);
        var age = TimeSpan.FromMilliseconds(now - row.created_at_ms);
        if (idle > options.Value.SessionIdleTimeout || age > options.Value.SessionLifetime)
        {
            await connection.ExecuteAsync("DELETE FROM console_sessions WHERE key_hash = @hash", new { hash });
            return null;
        }
        // Being seen is written at most once a minute (or a tenth of the idle timeout), not on every request.
        if (idle > TouchInterval)
            await connection.ExecuteAsync("UPDATE console_sessions SET last_seen_at_ms = @now WHERE key_hash = @hash", new { hash, now });
        return TicketSerializer.Default.Deserialize(row.ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM console_sessions WHERE key_hash = @hash", new { hash = Hash(key) });
    }

    /// <summary>Ends every session of <paramref name="username"/>, in every browser and every process; how many there were.</summary>
    public async Task<int> RevokeAllAsync(string username, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM console_sessions WHERE username = @username", new { username }, cancellationToken: cancel));
    }

    /// <summary>The sessions of <paramref name="username"/> that are still open.</summary>
    public async Task<int> CountAsync(string username, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM console_sessions WHERE username = @username AND last_seen_at_ms >= @idleSince AND created_at_ms >= @bornSince",
            new
            {
                username,
                idleSince = now - (long)options.Value.SessionIdleTimeout.TotalMilliseconds,
                bornSince = now - (long)options.Value.SessionLifetime.TotalMilliseconds,
            }, cancellationToken: cancel));
    }

    private TimeSpan TouchInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.Value.SessionIdleTimeout.Ticks / 10));

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));

    private sealed record SessionRow(byte[] ticket, long created_at_ms, long last_seen_at_ms);
}
