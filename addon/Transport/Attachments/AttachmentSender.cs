using ConnectAddon.Connect.Tenants;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// The public node's side of <c>GET …/attachments/{ref}</c>: an offered attachment's bytes, from the copy kept when
/// they were hashed (taken by the first whole fetch), else opened as a stream from the connection's tenant's Jira
/// (never fetched whole), ready to be passed on with the size and hash it was offered with.
/// </summary>
public sealed class AttachmentSender(AttachmentShelf shelf, Database database, TenantStore tenants, JiraClientFactory jira, ILogger<AttachmentSender> logger)
{
    public async Task<Result<AttachmentStreamResult>> OpenAsync(string connectionId, string reference, CancellationToken cancel)
    {
        var offer = await shelf.FindOfferAsync(connectionId, reference, cancel);
        if (offer is null)
            return AttachmentErrors.NotOffered(reference);
        if (shelf.OpenKept(connectionId, offer) is { } kept)
            return new AttachmentStreamResult(offer, kept, kept, logger, sentWhole: () => shelf.DiscardKept(connectionId, offer));

        var tenant = await TenantOfAsync(connectionId, cancel);
        if (tenant is null)
            return AttachmentErrors.Jira(reference, "the connection's Jira site is not known to this node");
        if (!tenant.IsInstalled)
            return AttachmentErrors.Jira(reference, "the app was uninstalled from the connection's Jira site");

        var opened = await jira.For(tenant).OpenAttachmentContentAsync(offer.JiraAttachmentId, cancel);
        if (!opened.IsSuccess)
        {
            logger.LogWarning("Attachment {Ref} of connection {ConnectionId} could not be read from Jira: {Error}", reference, connectionId, opened.Error.ToString());
            return opened.Error.Kind == JiraErrorKind.NotFound
                ? AttachmentErrors.DeletedInJira(reference)
                : AttachmentErrors.Jira(reference, opened.Error.Status is { } status
                    ? $"Jira answered HTTP {status} ({opened.Error.Kind})"
                    : $"Jira did not answer ({opened.Error.Kind})");
        }
        var content = opened.Value;
        if (content.Length is { } length && length != offer.Size)
        {
            await content.DisposeAsync();
            return AttachmentErrors.Jira(reference, $"Jira holds {length} bytes for it, but it was offered as {offer.Size} bytes");
        }
        return new AttachmentStreamResult(offer, content.Content, content, logger);
    }

    /// <summary>The connection's tenant (<c>connections.client_key</c>), read before Jira is called so no database connection waits on it.</summary>
    private async Task<Tenant?> TenantOfAsync(string connectionId, CancellationToken cancel)
    {
        string? clientKey;
        await using (var db = await database.OpenAsync(cancel))
            clientKey = await db.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT client_key FROM connections WHERE id = @connectionId AND side = 'public'", new { connectionId }, cancellationToken: cancel));
        return clientKey is null ? null : await tenants.FindAsync(clientKey, cancel);
    }
}
