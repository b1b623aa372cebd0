using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Attachments;

/// <summary>Removes the public node's kept copies of offered attachments that no fetch took within <see cref="AttachmentShelf.KeptFor"/>.</summary>
public sealed class KeptAttachmentPruner(AttachmentShelf shelf, ILogger<KeptAttachmentPruner> logger) : HourlyChore(logger)
{
    protected override string What => "Removing kept copies of offered attachments";

    protected override Task RunOnceAsync(CancellationToken cancel)
    {
        var removed = shelf.PruneKept();
        if (removed > 0)
            logger.LogInformation("Removed {Count} kept copies of offered attachments that the private node did not fetch within {KeptFor}", removed, AttachmentShelf.KeptFor);
        return Task.CompletedTask;
    }
}
