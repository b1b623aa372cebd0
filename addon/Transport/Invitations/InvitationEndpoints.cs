using ConnectAddon.Connections;
using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Invitations;

/// <summary>
/// The invitation routes of transport v1 on the public node (Connections/README.md). Anonymous: the invitation
/// secret in the body is the credential. Bodies are small; anything larger is refused with 413 before it is read whole.
/// </summary>
public static class InvitationEndpoints
{
    public const int MaxBodyBytes = 8 * 1024;

    public static void MapInvitationTransport(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/transport/v1/invitations/status", async (HttpRequest request, InvitationAcceptance acceptance, CancellationToken cancel) =>
        {
            var read = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
            if (!read.IsSuccess)
                return read.Error.ToResult();
            using var body = read.Value;
            var claim = InvitationClaim.Read(new JsonFields(body.RootElement));
            if (!claim.IsSuccess)
                return claim.Error.ToResult();
            var status = await acceptance.StatusAsync(claim.Value, cancel);
            return status.IsSuccess ? Results.Json(status.Value) : status.Error.ToResult();
        });

        routes.MapPost("/transport/v1/accept", async (HttpRequest request, InvitationAcceptance acceptance, CancellationToken cancel) =>
        {
            var read = await RequestBody.ReadJsonAsync(request, MaxBodyBytes, cancel);
            if (!read.IsSuccess)
                return read.Error.ToResult();
            using var body = read.Value;
            var accept = AcceptRequest.Read(body.RootElement);
            if (!accept.IsSuccess)
                return accept.Error.ToResult();
            var answer = await acceptance.AcceptAsync(accept.Value, cancel);
            // The stored JSON itself, so that a retry with the same nonce gets exactly the same bytes.
            return answer.IsSuccess ? Results.Content(answer.Value, "application/json; charset=utf-8") : answer.Error.ToResult();
        });
    }
}
