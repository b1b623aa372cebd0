using System.Security.Cryptography;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira.Models;
using ConnectAddon.Storage;
using ConnectAddon.Transport.Attachments;
using Dapper;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Outgoing;

/// <summary>
/// Makes this side's attachments available to the peer before the replica that names them is queued (DESIGN §6):
/// the bytes are read from Jira once to learn their SHA-256 (Jira attachments never change, so once per attachment and
/// connection). The public node then offers them on its attachment route, from which the private node fetches them
/// (served from the copy read here, kept on the shelf until that fetch: Transport/Attachments/AttachmentShelf);
/// the private node PUTs them to the public node. Files over <c>Transport:MaxAttachmentBytes</c> are not shared: the
/// replica leaves them out and the errors say why.
/// </summary>
public sealed class AttachmentSharing(
    Database database,
    IServiceProvider services,
    IOptions<AttachmentOptions> limits,
    AddonSettings settings,
    TimeProvider clock)
{
    private long MaxBytes => limits.Value.MaxAttachmentBytes;

    public async Task<Result<SharedAttachment>> EnsureSharedAsync(Connection connection, LocalJiraSite site, JiraAttachment attachment, CancellationToken cancel)
    {
        var id = attachment.Id!;
        await using (var db = await database.OpenAsync(cancel))
        {
            var known = await db.QuerySingleOrDefaultAsync<SharedAttachment>(new CommandDefinition("""
                SELECT attachment_id AS AttachmentId, sha256 AS Sha256, size AS Size, problem AS Problem
                FROM shared_attachments WHERE connection_id = @Id AND attachment_id = @id
                """, new { connection.Id, id }, cancellationToken: cancel));
            if (known is not null)
                return known;
        }

        var size = attachment.Size ?? 0;
        if (size > MaxBytes)
            return await RecordAsync(connection, new SharedAttachment(id, null, size,
                $"'{attachment.FileName}' is {ByteSize.Describe(size)}, over the limit of {ByteSize.Describe(MaxBytes)} (Transport:MaxAttachmentBytes); it is not synced."), cancel);

        var spool = Path.Combine(settings.DataDirectory, "spool");
        Directory.CreateDirectory(spool);
        var file = Path.Combine(spool, Guid.NewGuid().ToString("N"));
        try
        {
            string sha256;
            long length;
            var open = await site.Client.OpenAttachmentContentAsync(id, cancel);
            if (!open.IsSuccess)
                return ApiError.Unavailable($"Jira did not give the bytes of attachment '{attachment.FileName}': {open.Error}");
            await using (var content = open.Value!)
            {
                await using var target = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                length = 0;
                int read;
                while ((read = await content.Content.ReadAsync(buffer, cancel)) > 0)
                {
                    length += read;
                    if (length > MaxBytes)
                        return await RecordAsync(connection, new SharedAttachment(id, null, length,
                            $"'{attachment.FileName}' is over the limit of {ByteSize.Describe(MaxBytes)} (Transport:MaxAttachmentBytes); it is not synced."), cancel);
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancel);
                }
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var fileName = string.IsNullOrWhiteSpace(attachment.FileName) ? "attachment" : attachment.FileName!;
            if (connection.Side == ConnectionSide.Public)
            {
                // The spool goes onto the shelf with the offer: the private node's fetch reads it, not Jira again.
                await services.GetRequiredService<AttachmentShelf>().OfferAsync(connection.Id,
                    new AttachmentOffer(id, id, sha256, length, fileName, attachment.MimeType), cancel, copy: file);
            }
            else
            {
                var peer = await services.GetRequiredService<AttachmentPeers>().ForConnectionAsync(connection.Id, cancel);
                if (peer is null)
                    return ApiError.Unavailable("The connection has no key to reach the public node with.");
                await using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
                var uploaded = await services.GetRequiredService<AttachmentTransferClient>()
                    .UploadAsync(peer, id, source, length, sha256, fileName, attachment.MimeType, cancel);
                if (!uploaded.IsSuccess)
                    return uploaded.Error;
            }
            return await RecordAsync(connection, new SharedAttachment(id, sha256, length, null), cancel);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<SharedAttachment> RecordAsync(Connection connection, SharedAttachment shared, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO shared_attachments (connection_id, attachment_id, sha256, size, problem, shared_at_ms)
            VALUES (@connectionId, @AttachmentId, @Sha256, @Size, @Problem, @now) ON CONFLICT DO NOTHING
            """, new { connectionId = connection.Id, shared.AttachmentId, shared.Sha256, shared.Size, shared.Problem, now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancel));
        return shared;
    }
}
