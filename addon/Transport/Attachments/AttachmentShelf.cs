using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The public node's attachments in transit, per connection (migration <c>0008_transport_attachments.sql</c>):
/// offers (Jira attachments that the connection's private node may GET) and received files (bytes it PUT, kept in
/// <c>{DataDirectory}/attachments/{connectionId}/</c> until the sync uploaded them to Jira and discards them).
/// An offer may come with the copy the sync read from Jira to hash it: kept beside the received files as
/// <c>offered-{sha256}</c> until the private node has fetched it once (or <see cref="KeptFor"/> has passed), so
/// the fetch costs no second download from Jira, which Jira's points quota counts (two points of an issue's seven
/// in the sync benchmark). A fetch that finds no copy (another process's data folder, a copy already taken) reads
/// Jira, as before.
/// </summary>
public sealed class AttachmentShelf(Database database, AddonSettings settings, TimeProvider clock)
{
    /// <summary>How long a kept copy waits for the private node's fetch before it is removed (the fetch then reads Jira).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    private const string KeptPrefix = "offered-";

    /// <summary>Lets the connection's private node GET this Jira attachment as <c>offer.Ref</c>. Offering a ref again changes nothing.</summary>
    /// <param name="copy">
    /// A file holding exactly the offered bytes (the sync's spool after hashing them), moved onto the shelf; null
    /// when there is none. The caller's path no longer exists afterwards.
    /// </param>
    public async Task OfferAsync(string connectionId, AttachmentOffer offer, CancellationToken cancel, string? copy = null)
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
        if (copy is not null)
        {
            // Named by its hash: two refs of one content share a copy, and a repeat offer replaces it with the same bytes.
            Directory.CreateDirectory(FolderOf(connectionId));
            File.Move(copy, KeptPath(connectionId, offer), overwrite: true);
        }
    }

    /// <summary>
    /// The kept copy of an offer's bytes, open for reading, or null when there is none of the offered size. It can be
    /// removed while open (<see cref="DiscardKept"/> by a concurrent fetch): the open stream still reads it whole.
    /// </summary>
    internal FileStream? OpenKept(string connectionId, AttachmentOffer offer)
    {
        try
        {
            var stream = new FileStream(KeptPath(connectionId, offer), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            if (stream.Length == offer.Size)
                return stream;
            stream.Dispose();
            DiscardKept(connectionId, offer);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes an offer's kept copy (the private node has it now); no error when it is gone already.</summary>
    internal void DiscardKept(string connectionId, AttachmentOffer offer) => File.Delete(KeptPath(connectionId, offer));

    /// <summary>Removes the kept copies older than <see cref="KeptFor"/>: a fetch that never came (a connection deleted, an issue stopped). How many.</summary>
    internal int PruneKept()
    {
        var folder = Path.Combine(settings.DataDirectory, "attachments");
        if (!Directory.Exists(folder))
            return 0;
        var before = (clock.GetUtcNow() - KeptFor).UtcDateTime;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, KeptPrefix + "*", SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) >= before)
                continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    private string KeptPath(string connectionId, AttachmentOffer offer)
    {
        if (!AttachmentHeaders.IsSha256(offer.Sha256))
            throw new ArgumentException("Sha256 must be 64 lowercase hex digits.", nameof(offer));
        return Path.Combine(FolderOf(connectionId), KeptPrefix + offer.Sha256);
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
