using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The public node's attachments in transit, per connection (migration <c>0008_transport_attachments.sql</c>):
/// offers (Jira attachments that the connection's private node may GET) and received files (bytes it PUT, kept in
/// <c>{DataDirectory}/attachments/{connectionId}/</c> until the sync uploaded them to Jira and discards them).
/// </summary>
public sealed class AttachmentShelf(Database database, AddonSettings settings, TimeProvider clock)
{
    /// <summary>Lets the connection's private node GET this Jira attachment as <c>offer.Ref</c>. Offering a ref again changes nothing.</summary>
    public async Task OfferAsync(string connectionId, AttachmentOffer offer, CancellationToken cancel)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        ArgumentNullException.ThrowIfNull(offer);
        AttachmentRef.ThrowIfMalformed(offer.Ref, nameof(offer));
        ArgumentException.ThrowIfNullOrEmpty(offer.JiraAttachmentId, nameof(offer));
        ArgumentException.ThrowIfNullOrEmpty(offer.FileName, nameof(offer));
        if (!AttachmentHeaders.IsSha256(offer.Sha256))
            throw new ArgumentException("Sha256 must be 64 lowercase hex digits.", nameof(offer));
        ArgumentOutOfRangeException.ThrowIfNegative(offer.Size, nameof(offer));

        await using var db = await database.OpenAsync(cancel);
        // First offer wins: a ref names one content for good (Jira attachments never change), so a repeat is a no-op.
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO offered_attachments (connection_id, ref, jira_attachment_id, sha256, size, file_name, media_type, offered_at_ms)
            VALUES (@connectionId, @Ref, @JiraAttachmentId, @Sha256, @Size, @FileName, @MediaType, @now)
            ON CONFLICT (connection_id, ref) DO NOTHING
            """, new { connectionId, offer.Ref, offer.JiraAttachmentId, offer.Sha256, offer.Size, offer.FileName, offer.MediaType, now = Now() },
            cancellationToken: cancel));
    }

    /// <summary>The bytes the connection's private node uploaded as <paramref name="reference"/>, or null when none are stored.</summary>
    public async Task<ReceivedAttachment?> FindReceivedAsync(string connectionId, string reference, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var row = await db.QuerySingleOrDefaultAsync<ReceivedRow>(new CommandDefinition("""
            SELECT ref AS Ref, sha256 AS Sha256, size AS Size, file_name AS FileName, media_type AS MediaType, stored_file AS StoredFile
            FROM received_attachments WHERE connection_id = @connectionId AND ref = @reference
            """, new { connectionId, reference }, cancellationToken: cancel));
        return row is null ? null : new ReceivedAttachment(row.Ref, row.Sha256, row.Size, row.FileName, row.MediaType, StoredPath(connectionId, row.StoredFile));
    }

    /// <summary>Forgets received bytes (the sync uploaded them to Jira): the row first, then the file, so no row ever points at nothing.</summary>
    public async Task DiscardReceivedAsync(string connectionId, string reference, CancellationToken cancel)
    {
        var received = await FindReceivedAsync(connectionId, reference, cancel);
        if (received is null)
            return;
        await using (var db = await database.OpenAsync(cancel))
            await db.ExecuteAsync(new CommandDefinition(
                "DELETE FROM received_attachments WHERE connection_id = @connectionId AND ref = @reference",
                new { connectionId, reference }, cancellationToken: cancel));
        File.Delete(received.FilePath); // no error when it is gone already
    }

    /// <summary>What the connection's private node may GET as <paramref name="reference"/>; null when it was not offered to that connection.</summary>
    internal async Task<AttachmentOffer?> FindOfferAsync(string connectionId, string reference, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        return await db.QuerySingleOrDefaultAsync<AttachmentOffer>(new CommandDefinition("""
            SELECT ref AS Ref, jira_attachment_id AS JiraAttachmentId, sha256 AS Sha256, size AS Size, file_name AS FileName, media_type AS MediaType
            FROM offered_attachments WHERE connection_id = @connectionId AND ref = @reference
            """, new { connectionId, reference }, cancellationToken: cancel));
    }

    /// <summary>The folder that holds a connection's received files (and, while one arrives, its partial file).</summary>
    internal string FolderOf(string connectionId)
    {
        // The id becomes a folder name: only ever the shape ConnectionId makes, never a path of a caller's choosing.
        if (!ConnectionId.IsWellFormed(connectionId))
            throw new ArgumentException($"'{connectionId}' is not a connection id.", nameof(connectionId));
        return Path.Combine(settings.DataDirectory, "attachments", connectionId);
    }

    /// <summary>
    /// Records a complete, checked file (already renamed to its final name in <see cref="FolderOf"/>). False when the ref
    /// was stored meanwhile by a concurrent upload: the caller removes its own file and reads what is stored.
    /// </summary>
    internal async Task<bool> TryStoreReceivedAsync(string connectionId, ReceivedAttachment received, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        var inserted = await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO received_attachments (connection_id, ref, sha256, size, file_name, media_type, stored_file, received_at_ms)
            VALUES (@connectionId, @Ref, @Sha256, @Size, @FileName, @MediaType, @storedFile, @now)
            ON CONFLICT (connection_id, ref) DO NOTHING
            """, new { connectionId, received.Ref, received.Sha256, received.Size, received.FileName, received.MediaType, storedFile = Path.GetFileName(received.FilePath), now = Now() },
            cancellationToken: cancel));
        return inserted == 1;
    }

    /// <summary>Drops a row whose file is gone (a data folder restored without it), so the next upload can store the bytes again.</summary>
    internal async Task ForgetLostAsync(string connectionId, ReceivedAttachment received, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition(
            "DELETE FROM received_attachments WHERE connection_id = @connectionId AND ref = @Ref AND stored_file = @storedFile",
            new { connectionId, received.Ref, storedFile = Path.GetFileName(received.FilePath) }, cancellationToken: cancel));
    }

    private string StoredPath(string connectionId, string storedFile) => Path.Combine(FolderOf(connectionId), storedFile);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record ReceivedRow(string Ref, string Sha256, long Size, string FileName, string? MediaType, string StoredFile);
}
