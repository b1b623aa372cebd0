using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// <c>GET</c> and <c>PUT /transport/v1/connections/{id}/attachments/{ref}</c> on the public node (Transport/README.md,
/// "Attachment bytes"). Authenticated exactly as the exchange, before anything else is looked at: the token's qsh
/// covers method and path, so it is bound to the connection, the ref and the direction.
/// </summary>
public static class AttachmentEndpoints
{
    public const string Route = "/transport/v1/connections/{id}/attachments/{reference}";

    public static void MapAttachments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Route, async (string id, string reference, HttpContext context, ExchangeAuthentication authentication, AttachmentSender sender) =>
        {
            var connection = await authentication.AuthenticateAsync(context, id);
            if (!connection.IsSuccess)
                return connection.Error.ToResult();
            if (!AttachmentRef.IsWellFormed(reference))
                return AttachmentErrors.MalformedRef(reference).ToResult();
            // Deactivated connections still serve bytes: events keep queuing both ways, and so do the files they name.
            var opened = await sender.OpenAsync(id, reference, context.RequestAborted);
            return opened.IsSuccess ? opened.Value : opened.Error.ToResult();
        });

        routes.MapPut(Route, async (string id, string reference, HttpContext context, ExchangeAuthentication authentication, AttachmentReceiver receiver) =>
        {
            // Authenticated before the body is read: an unauthenticated caller cannot make us write a byte to disk.
            var connection = await authentication.AuthenticateAsync(context, id);
            if (!connection.IsSuccess)
                return connection.Error.ToResult();
            if (!AttachmentRef.IsWellFormed(reference))
                return AttachmentErrors.MalformedRef(reference).ToResult();
            try
            {
                var received = await receiver.ReceiveAsync(id, reference, context.Request, context.RequestAborted);
                return received.IsSuccess
                    ? Results.Json(new { @ref = received.Value.Ref, sha256 = received.Value.Sha256, size = received.Value.Size })
                    : received.Error.ToResult();
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return Results.Empty; // the private node went away mid-body; nothing was stored, it sends again
            }
        });
    }
}
