using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Transport.Invitations;

/// <summary>
/// Whatever a caller sends to <c>POST /transport/v1/accept</c> (or <c>invitations/status</c>), a malformed or tampered request is a 4xx with a reason
/// and the invitation stays as it was (DESIGN §9): never a 500, never a consumed code.
/// </summary>
public class AcceptBadInputTests
{
    private PublicNodeHarness node = null!;
    private string code = null!;

    [OneTimeSetUp]
    public async Task StartWithAnInvitation()
    {
        node = await PublicNodeHarness.StartAsync();
        code = (await node.InitiateAsync()).Code;
    }

    [OneTimeTearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static IEnumerable<TestCaseData> BadBodies()
    {
        TestCaseData Case(string name, Func<JsonObject, object> change, HttpStatusCode status = HttpStatusCode.BadRequest) =>
            new TestCaseData(change, status).SetName("Accept with " + name + " is refused");

        yield return Case("no body", _ => "");
        yield return Case("a body that is not JSON", _ => "{\"connectionId\":");
        yield return Case("a JSON string", _ => "\"EXI1.abc\"");
        yield return Case("no connectionId", b => Without(b, "connectionId"));
        yield return Case("a connectionId of another shape", b => With(b, "connectionId", "con_ABC"));
        yield return Case("no secret", b => Without(b, "secret"));
        yield return Case("a secret of 31 bytes", b => With(b, "secret", Base64Url.Encode(new byte[31])));
        yield return Case("a secret with padding", b => With(b, "secret", b["secret"]!.GetValue<string>() + "="));
        yield return Case("a secret in plain base64", b => With(b, "secret", Convert.ToBase64String(CodeContent.FromBase64Url(b["secret"]!.GetValue<string>()))));
        yield return Case("no nonce", b => Without(b, "nonce"));
        yield return Case("a nonce of 16 bytes", b => With(b, "nonce", Base64Url.Encode(new byte[16])));
        yield return Case("a nonce that is a number", b => With(b, "nonce", 12345));
        yield return Case("no node", b => Without(b, "node"));
        yield return Case("a node that is a string", b => With(b, "node", "Globex"));
        yield return Case("a blank node name", b => { b["node"]!["name"] = " "; return b; });
        yield return Case("no node version", b => { b["node"]!.AsObject().Remove("version"); return b; });
        yield return Case("no project", b => Without(b, "project"));
        yield return Case("a project key that is a number", b => { b["project"]!["key"] = 7; return b; });
        yield return Case("a project name of 300 characters", b => { b["project"]!["name"] = new string('p', 300); return b; });
        yield return Case("a body over 8 KiB", b => { b["node"]!["name"] = new string('n', 9000); return b; }, HttpStatusCode.RequestEntityTooLarge);
    }

    private static JsonObject Without(JsonObject body, string name)
    {
        body.Remove(name);
        return body;
    }

    private static JsonObject With(JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task MalformedAccept_Is4xxWithAReason_AndTheInvitationStaysValid(Func<JsonObject, object> change, HttpStatusCode status)
    {
        var before = await node.StoredAsync();

        using var response = await node.TransportAsync("/transport/v1/accept", change(CodeContent.AcceptBody(code, CodeContent.NewNonce())));

        await ApiErrorAssert.IsRefusal(response, status);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AcceptWithTheWrongContentType_Is415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/transport/v1/accept")
        {
            Content = new StringContent(CodeContent.AcceptBody(code, CodeContent.NewNonce()).ToJsonString(), System.Text.Encoding.UTF8, "text/plain"),
        };
        using var response = await node.App.CreateClient().SendAsync(request);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.UnsupportedMediaType);
    }

    /// <summary>
    /// Each character of the code changed in turn, as a careless copy or a forger would: the private node's decoding
    /// refuses most; whatever still decodes to another connection id or secret is refused by the public node.
    /// </summary>
    [Test]
    public async Task CodeWithAnyOneCharacterChanged_NeverUnlocksTheInvitation()
    {
        var before = await node.StoredAsync();
        var original = CodeContent.Read(code);
        var askedThePublicNode = 0;
        for (var position = CodeContent.Prefix.Length; position < code.Length; position++)
        {
            var chars = code.ToCharArray();
            chars[position] = chars[position] == 'A' ? 'B' : 'A';
            JsonObject tampered;
            try
            {
                tampered = CodeContent.Read(new string(chars));
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
            {
                continue; // no longer a code at all
            }
            if (tampered["cid"]?.ToJsonString() == original["cid"]!.ToJsonString() && tampered["s"]?.ToJsonString() == original["s"]!.ToJsonString())
                continue; // only the descriptive fields changed; the credential is intact

            askedThePublicNode++;
            var body = new JsonObject
            {
                ["connectionId"] = tampered["cid"]?.DeepClone(), ["secret"] = tampered["s"]?.DeepClone(), ["nonce"] = Base64Url.Encode(CodeContent.NewNonce()),
                ["node"] = new JsonObject { ["name"] = "Forger", ["version"] = "1" }, ["project"] = new JsonObject { ["key"] = "X", ["name"] = "X" },
            };
            using var response = await node.TransportAsync("/transport/v1/accept", body);
            Assert.That((int)response.StatusCode, Is.EqualTo(400).Or.EqualTo(404), $"position {position}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.That(askedThePublicNode, Is.GreaterThan(10), "the credential's characters were among those changed");
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [TestCase("", TestName = "Status with no body is 400")]
    [TestCase("""{"connectionId":"con_aaaaaaaaaaaaaaaaaaaaaaaaaa"}""", TestName = "Status without a secret is 400")]
    [TestCase("""{"connectionId":"con_aaaaaaaaaaaaaaaaaaaaaaaaaa","secret":"c2hvcnQ"}""", TestName = "Status with a short secret is 400")]
    [TestCase("""{"connectionId":"42","secret":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", TestName = "Status with a malformed connection id is 400")]
    [TestCase("""{"connectionId":["con_aaaaaaaaaaaaaaaaaaaaaaaaaa"],"secret":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", TestName = "Status with an id array is 400")]
    public async Task MalformedStatusRequest_Is400AndChangesNothing(string body)
    {
        var before = await node.StoredAsync();
        using var response = await node.TransportAsync("/transport/v1/invitations/status", body);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }
}
