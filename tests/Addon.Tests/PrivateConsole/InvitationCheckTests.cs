using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Jira;
using ConnectAddon.Tests.Support;
using WireMock.ResponseBuilders;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// Pasting a code tells at once what it is: malformed (from its shape), expired (from its own expiry, without asking),
/// or whatever the issuing public node says of it.
/// </summary>
public class InvitationCheckTests
{
    private PrivateNode node = null!;
    private HttpClient browser = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PrivateNode.StartAsync();
        browser = await node.LoggedInAsync();
    }

    [TearDown]
    public async Task Stop()
    {
        browser.Dispose();
        await node.DisposeAsync();
    }

    private Task<HttpResponseMessage> Check(string code) => browser.PostAsJsonAsync("/api/console/invitations/check", new { code });

    private JsonObject Payload() => InvitationCodes.Payload(node.PublicNodeUrl);

    public static IEnumerable<TestCaseData> MalformedCodes()
    {
        TestCaseData Case(string name, Func<JsonObject, string> code, string reason) =>
            new TestCaseData(code, reason).SetArgDisplayNames(name);
        JsonObject With(JsonObject payload, string field, JsonNode? value)
        {
            payload[field] = value;
            return payload;
        }
        JsonObject Without(JsonObject payload, string field)
        {
            payload.Remove(field);
            return payload;
        }

        yield return Case("WrongPrefix", p => "EXI2." + InvitationCodes.Encode(p)[5..], "does not start with 'EXI1.'");
        yield return Case("NotBase64Url", _ => "EXI1.this is not base64!", "not base64url");
        yield return Case("PaddedBase64", p => InvitationCodes.Encode(p) + "==", "not base64url");
        yield return Case("NotJson", _ => InvitationCodes.Encode("definitely { not json"), "not JSON");
        yield return Case("JsonArray", _ => InvitationCodes.Encode("[1,2,3]"), "not a JSON object");
        yield return Case("NoUrl", p => InvitationCodes.Encode(Without(p, "url")), "'url'");
        yield return Case("FtpUrl", p => InvitationCodes.Encode(With(p, "url", "ftp://acme.example")), "'url'");
        yield return Case("RelativeUrl", p => InvitationCodes.Encode(With(p, "url", "/acme-sync")), "'url'");
        yield return Case("NoConnectionId", p => InvitationCodes.Encode(Without(p, "cid")), "'cid'");
        yield return Case("OddConnectionId", p => InvitationCodes.Encode(With(p, "cid", "con_1")), "'cid'");
        yield return Case("ShortSecret", p => InvitationCodes.Encode(With(p, "s", "c2hvcnQ")), "'s'");
        yield return Case("SecretNotBase64", p => InvitationCodes.Encode(With(p, "s", new string('!', 43))), "'s'");
        yield return Case("ExpiryAsText", p => InvitationCodes.Encode(With(p, "exp", "tomorrow")), "'exp'");
        yield return Case("NoExpiry", p => InvitationCodes.Encode(Without(p, "exp")), "'exp'");
        yield return Case("Version2", p => InvitationCodes.Encode(With(p, "v", 2)), "version 2");
        yield return Case("ScriptMode", p => InvitationCodes.Encode(With(p, "m", "script")), "'m'");
        yield return Case("PublicType", p => InvitationCodes.Encode(With(p, "t", "public")), "'t'");
        yield return Case("NoName", p => InvitationCodes.Encode(Without(p, "n")), "'n'");
        yield return Case("NoIssuerVersion", p => InvitationCodes.Encode(With(p, "ver", 7)), "'ver'");
    }

    [TestCaseSource(nameof(MalformedCodes))]
    public async Task MalformedCode_Answers400InvitationMalformed_SayingWhichPart_WithoutAskingThePublicNode(Func<JsonObject, string> code, string reason)
    {
        using var response = await Check(code(Payload()));

        var message = await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, reason);
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("invitation_malformed"), message);
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [Test]
    public async Task ExpiredCode_IsReportedExpired_WithoutAskingThePublicNode()
    {
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var response = await Check(InvitationCodes.Encode(InvitationCodes.Payload(node.PublicNodeUrl, expired)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("expired"));
        Assert.That(body["connectionName"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionName));
        Assert.That(body["expiresAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds(), Is.EqualTo(expired.ToUnixTimeSeconds()));
        Assert.That(body["publicNodeUrl"]!.GetValue<string>(), Does.StartWith(node.PublicNodeUrl.ToString().TrimEnd('/')));
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [TestCase("valid")]
    [TestCase("used")]
    [TestCase("revoked")]
    [TestCase("expired")]
    public async Task CodeTheShapeOfWhichIsRight_IsReportedAsThePublicNodeSaysItIs(string status)
    {
        node.PublicNode.Given(PublicNodeStubs.Status()).RespondWith(PublicNodeStubs.StatusAnswer(status));
        var payload = Payload();

        using var response = await Check(InvitationCodes.Encode(payload));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo(status));
        Assert.That(body["connectionName"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionName));
        Assert.That(body["mode"]!.GetValue<string>(), Is.EqualTo("basic"));
        Assert.That(body["type"]!.GetValue<string>(), Is.EqualTo("private"));
        Assert.That(body["expiresAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var asked = node.Received(PublicNodeStubs.StatusRoute).Single().BodyJson();
        Assert.That(asked["connectionId"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionIdOf(payload)));
        Assert.That(asked["secret"]!.GetValue<string>(), Is.EqualTo(payload["s"]!.GetValue<string>()));
    }

    [Test]
    public async Task CodeThePublicNodeDoesNotKnow_Answers404InvitationNotFound()
    {
        node.PublicNode.Given(PublicNodeStubs.Status()).RespondWith(PublicNodeStubs.Refusal(404, "invitation_not_found"));

        using var response = await Check(InvitationCodes.Encode(Payload()));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound);
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("invitation_not_found"));
    }

    [Test]
    public async Task PublicNodeUnreachable_Answers502PublicNodeUnreachable()
    {
        var closed = WireMock.Server.WireMockServer.Start();
        var url = new Uri(closed.Url!);
        closed.Stop();
        closed.Dispose();

        using var response = await Check(InvitationCodes.Encode(InvitationCodes.Payload(url)));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "could not be reached");
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("public_node_unreachable"));
    }

    [Test]
    public async Task PublicNodeAnsweringNonsense_Answers502()
    {
        node.PublicNode.Given(PublicNodeStubs.Status()).RespondWith(Response.Create().WithStatusCode(200).WithBody("<html>login</html>"));

        using var response = await Check(InvitationCodes.Encode(Payload()));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "not what transport v1 describes");
    }

    [Test]
    public async Task PublicNodeRedirecting_IsNotFollowed()
    {
        node.PublicNode.Given(PublicNodeStubs.Status()).RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", "http://127.0.0.1:9/elsewhere"));

        using var response = await Check(InvitationCodes.Encode(Payload()));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "redirects");
        Assert.That(node.PublicNode.LogEntries, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PlainHttpPublicNode_IsRefusedUnlessAllowed_WithoutAskingIt()
    {
        await using var strict = await PrivateNode.StartAsync(new() { ["PrivateNode:AllowInsecurePublicNode"] = "false" });
        using var strictBrowser = await strict.LoggedInAsync();

        using var response = await strictBrowser.PostAsJsonAsync("/api/console/invitations/check",
            new { code = InvitationCodes.Encode(InvitationCodes.Payload(strict.PublicNodeUrl)) });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "https");
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("public_node_insecure"));
        Assert.That(strict.PublicNode.LogEntries, Is.Empty);
    }
}
