using System.Text.Json;
using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;

namespace ConnectAddon.Transport.Invitations;

/// <summary>
/// <c>POST /transport/v1/accept</c>: <c>{"connectionId","secret","nonce","node":{"name","version","jira"?},"project":{"key","name"}}</c>.
/// The nonce is 32 fresh random bytes from the accepting node; with the secret it makes the connection key. <c>node.jira</c>
/// (optional; older nodes do not send it) says which Jira the node works with: "Jira Cloud", "Jira Data Center 9.12.15".
/// </summary>
public sealed record AcceptRequest(InvitationClaim Claim, byte[] Nonce, string NodeName, string NodeVersion, string ProjectKey, string ProjectName, string? Jira = null)
{
    public static Result<AcceptRequest> Read(JsonElement body)
    {
        var fields = new JsonFields(body);
        var claim = InvitationClaim.Read(fields);
        if (!claim.IsSuccess)
            return claim.Error;
        var nonceText = fields.Text("nonce", 100);
        var node = fields.Object("node");
        var nodeName = node?.Text("name", 200);
        var nodeVersion = node?.Text("version", 100);
        var jira = node?.Text("jira", 100, required: false);
        var project = fields.Object("project");
        var projectKey = project?.Text("key", 100);
        var projectName = project?.Text("name", 255);
        if (fields.Error is { } error)
            return error;
        if (Base64UrlText.TryDecode(nonceText, ConnectionKey.NonceBytes) is not { } nonce)
            return ApiError.BadRequest("'nonce' is not 32 bytes in base64url.");
        return new AcceptRequest(claim.Value, nonce, nodeName!, nodeVersion!, projectKey!, projectName!, jira);
    }

    public override string ToString() => $"AcceptRequest {Claim.ConnectionId} from {NodeName} (secret and nonce redacted)";
}
