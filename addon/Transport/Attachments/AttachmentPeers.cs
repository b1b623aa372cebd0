using ConnectAddon.Connections;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Attachments;

/// <summary>The private node's connections as attachment transfers need them, read exactly as the poller reads its targets.</summary>
public sealed class AttachmentPeers(Database database, ConnectionKeyProtector keys)
{
    /// <summary>
    /// The peer of an accepted private-side connection; null when it is unknown, deleted here or by the public node,
    /// not accepted (no key), or its public node URL is unusable: nothing could be transferred for it.
    /// </summary>
    public async Task<AttachmentPeer?> ForConnectionAsync(string connectionId, CancellationToken cancel = default)
    {
        await using var db = await database.OpenAsync(cancel);
        var row = await db.QuerySingleOrDefaultAsync<(string? Url, string? Key)>(new CommandDefinition("""
            SELECT remote_base_url, connection_key FROM connections
            WHERE id = @connectionId AND side = 'private' AND deleted_at_ms IS NULL AND peer_deleted_at_ms IS NULL AND connection_key IS NOT NULL
            """, new { connectionId }, cancellationToken: cancel));
        if (row.Key is null || !Uri.IsWellFormedUriString(row.Url, UriKind.Absolute))
            return null;
        return new AttachmentPeer(connectionId, new Uri(row.Url!), keys.Unprotect(row.Key));
    }
}
