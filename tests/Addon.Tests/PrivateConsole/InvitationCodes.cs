using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>Invitation codes as a public node issues them (Connections/README.md), and bent out of shape on purpose.</summary>
public static class InvitationCodes
{
    public const string ConnectionName = "ACME to private node";

    public static JsonObject Payload(Uri publicNodeUrl, DateTimeOffset? expires = null) => new()
    {
        ["v"] = 1,
        ["url"] = publicNodeUrl.ToString().TrimEnd('/'),
        ["cid"] = ConnectionId.New(),
        ["s"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
        ["m"] = "basic",
        ["t"] = "private",
        ["exp"] = (expires ?? DateTimeOffset.UtcNow.AddHours(72)).ToUnixTimeSeconds(),
        ["ver"] = "1.0.0",
        ["n"] = ConnectionName,
    };

    public static string Encode(JsonObject payload) => Encode(payload.ToJsonString());

    public static string Encode(string json) => "EXI1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    public static string ConnectionIdOf(JsonObject payload) => payload["cid"]!.GetValue<string>();

    public static byte[] SecretOf(JsonObject payload) => Base64Url.DecodeFromChars(payload["s"]!.GetValue<string>());
}
