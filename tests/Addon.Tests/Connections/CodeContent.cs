using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// Reads and writes invitation codes the way the contract describes them (<c>EXI1.</c> + base64url JSON), written
/// independently of the app's own code, and builds the bodies a private node sends with them.
/// </summary>
public static class CodeContent
{
    public const string Prefix = "EXI1.";
    public const string NodeName = "Globex intranet";
    public const string NodeVersion = "9.9.9";

    public static JsonObject Read(string code)
    {
        Assert.That(code, Does.StartWith(Prefix));
        var base64 = code[Prefix.Length..].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!.AsObject();
    }

    public static string Write(JsonObject content) => Prefix + Base64Url.Encode(Encoding.UTF8.GetBytes(content.ToJsonString()));

    public static byte[] Secret(string code) => FromBase64Url(Read(code)["s"]!.GetValue<string>());

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The status body for a code: its connection id and secret.</summary>
    public static JsonObject StatusBody(string code)
    {
        var content = Read(code);
        return new JsonObject { ["connectionId"] = content["cid"]!.GetValue<string>(), ["secret"] = content["s"]!.GetValue<string>() };
    }

    /// <summary>The accept body a private node sends for a code, with <paramref name="nonce"/>.</summary>
    public static JsonObject AcceptBody(string code, byte[] nonce, string projectKey = "GLX", string projectName = "Globex Engineering")
    {
        var body = StatusBody(code);
        body["nonce"] = Base64Url.Encode(nonce);
        body["node"] = new JsonObject { ["name"] = NodeName, ["version"] = NodeVersion };
        body["project"] = new JsonObject { ["key"] = projectKey, ["name"] = projectName };
        return body;
    }

    public static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
