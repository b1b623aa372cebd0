using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// One process at a time applies a connection's incoming events (DESIGN §8: claims with a lease and a token; at most
/// one lease per issue keeps its order — here per connection, which holds every issue of it). The holder renews its
/// lease while it works; a process that died loses it when it expires, and another takes over from the first
/// unapplied event (applying is idempotent, so an event half-applied by the dead one is finished, not doubled).
/// </summary>
public sealed class ApplyLeases(Database database, TimeProvider clock)
{
    /// <summary>This process's identity as a holder.</summary>
    public string Holder { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Gives up every lease this process holds (a clean stop), so a restart or another process goes on at once.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("DELETE FROM apply_leases WHERE holder = @Holder", new { Holder }, cancellationToken: cancel));
    }

    /// <summary>Takes or renews the lease of <paramref name="connectionId"/> for <paramref name="lease"/>; false while another process holds it.</summary>
    public async Task<bool> HoldAsync(string connectionId, TimeSpan lease, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.OpenAsync(cancel);
        return await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO apply_leases (connection_id, holder, until_ms) VALUES (@connectionId, @Holder, @until)
            ON CONFLICT (connection_id) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
            WHERE apply_leases.holder = excluded.holder OR apply_leases.until_ms < @now
            """, new { connectionId, Holder, until = now + (long)lease.TotalMilliseconds, now }, cancellationToken: cancel)) > 0;
    }
}
