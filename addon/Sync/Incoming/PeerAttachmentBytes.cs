using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Sync.Model;
using ConnectAddon.Transport.Attachments;

namespace ConnectAddon.Sync.Incoming;

/// <summary>
/// The bytes of the peer's attachment, as a seekable local file (so a rate-limited upload to Jira can be sent again):
/// on the public node, the file the private node PUT before its event; on the private node, fetched from the public
/// node's attachment route into a spool file, its SHA-256 checked on arrival (DESIGN §6).
/// </summary>
public sealed class PeerAttachmentBytes(IServiceProvider services, AddonSettings settings)
{
    public async Task<Result<PeerFile>> OpenAsync(Connection connection, ReplicaAttachment attachment, CancellationToken cancel)
    {
        if (connection.Side == ConnectionSide.Public)
        {
            var shelf = services.GetRequiredService<AttachmentShelf>();
            var received = await shelf.FindReceivedAsync(connection.Id, attachment.Id, cancel);
            if (received is null)
                return ApiError.Unavailable($"The bytes of '{attachment.FileName}' have not arrived from the other side yet.");
            if (!string.Equals(received.Sha256, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
                return ApiError.BadRequest($"The bytes received for '{attachment.FileName}' do not have the SHA-256 its event names.");
            return new PeerFile(received.OpenRead(), () => shelf.DiscardReceivedAsync(connection.Id, attachment.Id, CancellationToken.None));
        }

        var peer = await services.GetRequiredService<AttachmentPeers>().ForConnectionAsync(connection.Id, cancel);
        if (peer is null)
            return ApiError.Unavailable("The connection has no key to reach the public node with.");
        var spool = Path.Combine(settings.DataDirectory, "spool");
        Directory.CreateDirectory(spool);
        var path = Path.Combine(spool, Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var downloaded = await services.GetRequiredService<AttachmentTransferClient>().DownloadAsync(peer, attachment.Id, file, cancel);
        if (!downloaded.IsSuccess)
        {
            await file.DisposeAsync();
            return downloaded.Error!;
        }
        if (downloaded.Value != attachment.Size)
        {
            await file.DisposeAsync();
            return ApiError.BadRequest($"'{attachment.FileName}' arrived with {downloaded.Value} bytes; its event says {attachment.Size}.");
        }
        file.Position = 0;
        return new PeerFile(file, () => Task.CompletedTask);
    }
}

/// <summary>An open file of the peer's attachment and what to do once its copy is recorded.</summary>
public sealed record PeerFile(Stream Content, Func<Task> AfterCopied) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
