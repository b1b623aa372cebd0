using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Invitations;

/// <summary>What a node presents to speak about an invitation: the connection id and the secret from the code.</summary>
public sealed record InvitationClaim(string ConnectionId, InvitationSecret Secret)
{
    internal static Result<InvitationClaim> Read(JsonFields fields)
    {
        var connectionId = fields.Text("connectionId", 100);
        var secretText = fields.Text("secret", 100);
        if (fields.Error is { } error)
            return error;
        if (!Connections.ConnectionId.IsWellFormed(connectionId))
            return ApiError.BadRequest("'connectionId' is not a connection id (con_ and 26 base32 characters).");
        if (InvitationSecret.FromText(secretText) is not { } secret)
            return ApiError.BadRequest("'secret' is not 32 bytes in base64url.");
        return new InvitationClaim(connectionId!, secret);
    }

    public override string ToString() => $"InvitationClaim {ConnectionId} (secret redacted)";
}
