using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// The invitation code as both nodes read it (Connections/README.md): <c>EXI1.</c> + base64url JSON. A code is
/// malformed when any part is missing or of the wrong shape, and the reason says which.
/// </summary>
public class InvitationCodeTests
{
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);

    private static InvitationCode Sample() => new(new Uri("https://sync.acme.example/base"), ConnectionId.New(), InvitationSecret.New(), "basic", "private",
        Expiry, "1.2.3", "ACME to private node");

    [Test]
    public void EncodedCode_DecodesToTheSameContent()
    {
        var code = Sample();

        var decoded = InvitationCode.Decode(code.Encode());

        Assert.That(decoded.IsSuccess, Is.True, decoded.Error?.Message);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Value!.PublicNodeUrl.AbsoluteUri, Is.EqualTo("https://sync.acme.example/base"));
            Assert.That(decoded.Value.ConnectionId, Is.EqualTo(code.ConnectionId));
            Assert.That(decoded.Value.Secret.ToText(), Is.EqualTo(code.Secret.ToText()));
            Assert.That(decoded.Value.ExpiresAt, Is.EqualTo(Expiry));
            Assert.That(decoded.Value.IssuerVersion, Is.EqualTo("1.2.3"));
            Assert.That(decoded.Value.ConnectionName, Is.EqualTo("ACME to private node"));
        });
    }

    [Test]
    public void PastedCode_WithSurroundingWhitespace_Decodes() =>
        Assert.That(InvitationCode.Decode("  " + Sample().Encode() + "\r\n").IsSuccess, Is.True);

    [Test]
    public void Secret_IsNeitherPrintedNorLogged()
    {
        var code = Sample();
        Assert.That(code.ToString(), Does.Not.Contain(code.Secret.ToText()));
        Assert.That(code.Secret.ToString(), Does.Not.Contain(code.Secret.ToText()));
    }

    private static IEnumerable<TestCaseData> MalformedCodes()
    {
        JsonObject Content() => CodeContent.Read(Sample().Encode());
        TestCaseData Case(string name, string code, string reason) => new TestCaseData(code, reason).SetName("A code with " + name + " is malformed");
        TestCaseData Changed(string name, Action<JsonObject> change, string reason)
        {
            var content = Content();
            change(content);
            return Case(name, CodeContent.Write(content), reason);
        }

        yield return Case("nothing in it", "", "empty");
        yield return Case("another prefix", "EXI2." + Sample().Encode()[5..], "EXI1.");
        yield return Case("only the prefix", "EXI1.", "base64url");
        yield return Case("characters outside base64url", "EXI1.eyJ2Ijox+/", "base64url");
        yield return Case("padding", Sample().Encode() + "=", "base64url");
        yield return Case("a line break inside", Sample().Encode().Insert(20, "\n"), "base64url");
        yield return Case("base64url that is not JSON", "EXI1." + Base64Url.Encode("not json"u8.ToArray()), "JSON");
        yield return Case("a JSON array", "EXI1." + Base64Url.Encode("[1,2]"u8.ToArray()), "object");
        yield return Case("over 4096 characters", "EXI1." + new string('A', 5000), "longer");
        yield return Changed("no version", c => c.Remove("v"), "'v'");
        yield return Changed("version 2", c => c["v"] = 2, "version 2");
        yield return Changed("a relative url", c => c["url"] = "/acme", "'url'");
        yield return Changed("an ftp url", c => c["url"] = "ftp://sync.acme.example", "'url'");
        yield return Changed("credentials in the url", c => c["url"] = "https://user:pw@sync.acme.example", "'url'");
        yield return Changed("a connection id of another shape", c => c["cid"] = "con_123", "'cid'");
        yield return Changed("no secret", c => c.Remove("s"), "'s'");
        yield return Changed("a 16-byte secret", c => c["s"] = Base64Url.Encode(new byte[16]), "'s'");
        yield return Changed("a secret in plain base64", c => c["s"] = Convert.ToBase64String(new byte[32]), "'s'");
        yield return Changed("script mode", c => c["m"] = "script", "'m'");
        yield return Changed("a public type", c => c["t"] = "public", "'t'");
        yield return Changed("an expiry as text", c => c["exp"] = "tomorrow", "'exp'");
        yield return Changed("a negative expiry", c => c["exp"] = -5, "'exp'");
        yield return Changed("no issuing version", c => c.Remove("ver"), "'ver'");
        yield return Changed("a blank name", c => c["n"] = "   ", "'n'");
        yield return Changed("a name with a control character", c => c["n"] = "bell\u0007", "'n'");
    }

    [TestCaseSource(nameof(MalformedCodes))]
    public void MalformedCode_IsRefusedWithTheReason(string code, string reason)
    {
        var decoded = InvitationCode.Decode(code);

        Assert.That(decoded.IsSuccess, Is.False);
        Assert.That(decoded.Error!.Status, Is.EqualTo(400));
        Assert.That(decoded.Error.Code, Is.EqualTo("invitation_malformed"));
        Assert.That(decoded.Error.Message, Does.Contain(reason));
    }

    [Test]
    public void SecretSpelledNonCanonically_IsMalformed()
    {
        // 32 bytes leave 2 unused bits in the last base64url character; a lenient decoder would take this as the same secret.
        var content = CodeContent.Read(Sample().Encode());
        var secret = content["s"]!.GetValue<string>();
        var last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".IndexOf(secret[^1]);
        content["s"] = secret[..^1] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last ^ 1];

        Assert.That(InvitationCode.Decode(CodeContent.Write(content)).IsSuccess, Is.False);
    }
}
