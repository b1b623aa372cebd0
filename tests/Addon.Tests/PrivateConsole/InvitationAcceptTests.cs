using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Tests.Jira;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// Accepting an invitation: the local project is checked, the public node accepts with a fresh nonce (asked again with the
/// same nonce when its answer is lost), and the connection is stored active with its key encrypted.
/// </summary>
public class InvitationAcceptTests
{
    private PrivateNode node = null!;
    private HttpClient browser = null!;
    private JsonObject payload = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PrivateNode.StartAsync();
        browser = await node.LoggedInAsync();
        payload = InvitationCodes.Payload(node.PublicNodeUrl);
    }

    [TearDown]
    public async Task Stop()
    {
        browser.Dispose();
        await node.DisposeAsync();
    }

    private Task<HttpResponseMessage> Accept(string projectKey = "GLX") =>
        browser.PostAsJsonAsync("/api/console/connections/accept", new { code = InvitationCodes.Encode(payload), projectKey });

    private IReadOnlyList<WireMock.IRequestMessage> Accepts => node.Received(PublicNodeStubs.AcceptRoute);

    private Task<long> StoredConnections() => node.Host.ScalarAsync<long>("SELECT COUNT(*) FROM connections");

    private static async Task<string> ErrorCode(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();

    [Test]
    public async Task Accepted_Answers201WithTheConnection_AndStoresItActiveOnThePrivateSide()
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.AcceptAnswer(payload));

        using var response = await Accept();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var connection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(connection["id"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionIdOf(payload)));
            Assert.That(connection["name"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionName));
            Assert.That(connection["mode"]!.GetValue<string>(), Is.EqualTo("basic"));
            Assert.That(connection["type"]!.GetValue<string>(), Is.EqualTo("private"));
            Assert.That(connection["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(connection["localProject"]!.ToJsonString(), Is.EqualTo("""{"id":"20000","key":"GLX","name":"Globex Engineering"}"""));
            Assert.That(connection["otherSide"]!.ToJsonString(),
                Is.EqualTo("""{"name":"Exalate at acme.example","version":"1.2.3","projectKey":"ACME","projectName":"Acme Support","jira":"Jira Cloud"}"""));
            Assert.That(connection["invitation"], Is.Null);
            Assert.That(connection["createdAt"], Is.Not.Null);
        });

        var row = (await node.Host.QueryAsync<dynamic>("SELECT * FROM connections")).Single();
        Assert.Multiple(() =>
        {
            Assert.That((string)row.side, Is.EqualTo("private"));
            Assert.That((string?)row.client_key, Is.Null);
            Assert.That((string)row.status, Is.EqualTo("active"));
            Assert.That((string)row.local_project_key, Is.EqualTo("GLX"));
            Assert.That((string)row.remote_node_name, Is.EqualTo("Exalate at acme.example"));
            Assert.That((string)row.remote_node_version, Is.EqualTo("1.2.3"));
            Assert.That((string)row.remote_project_key, Is.EqualTo("ACME"));
            Assert.That((string)row.remote_base_url, Is.EqualTo(node.PublicNodeUrl.ToString().TrimEnd('/')));
            Assert.That(row.activated_at_ms, Is.Not.Null);
        });
    }

    [Test]
    public async Task Accepted_SendsANodeNameVersionProjectAnd32ByteNonce_AndStoresTheDerivedKeyEncrypted()
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.AcceptAnswer(payload));

        using var response = await Accept();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var sent = Accepts.Single().BodyJson();
        Assert.That(sent["connectionId"]!.GetValue<string>(), Is.EqualTo(InvitationCodes.ConnectionIdOf(payload)));
        Assert.That(sent["secret"]!.GetValue<string>(), Is.EqualTo(payload["s"]!.GetValue<string>()));
        // Which Jira this node works with, as its server info said (site-b of the simulator is a Jira Cloud site).
        Assert.That(sent["node"]!.ToJsonString(), Is.EqualTo(new JsonObject { ["name"] = PrivateNode.NodeName, ["version"] = NodeVersion.Current, ["jira"] = "Jira Cloud" }.ToJsonString()));
        Assert.That(sent["project"]!.ToJsonString(), Is.EqualTo("""{"key":"GLX","name":"Globex Engineering"}"""));
        var nonce = Base64Url.DecodeFromChars(sent["nonce"]!.GetValue<string>());
        Assert.That(nonce, Has.Length.EqualTo(32));

        var expectedKey = Base64Url.EncodeToString(HMACSHA256.HashData(InvitationCodes.SecretOf(payload), nonce));
        var stored = await node.Host.ScalarAsync<string>("SELECT connection_key FROM connections");
        Assert.That(stored, Is.Not.EqualTo(expectedKey).And.Not.Contain(expectedKey), "encrypted at rest");
        Assert.That(node.Host.Services.GetRequiredService<ConnectionKeyProtector>().Unprotect(stored), Is.EqualTo(expectedKey));
        Assert.That(node.Host.Logs.All, Does.Not.Contain(expectedKey).And.Not.Contain(payload["s"]!.GetValue<string>()).And.Not.Contain(sent["nonce"]!.GetValue<string>()));
    }

    [Test]
    public async Task AcceptedConnection_NamesThePartnersJiraSite_ByItsTitleAndAddress()
    {
        var site = new JsonObject { ["title"] = "ACME Jira", ["url"] = "https://acme.atlassian.net" };
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.AcceptAnswer(payload, site));
        (await Accept()).Dispose();

        using var response = await browser.GetAsync("/api/console/connections");

        var connection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["connections"]![0]!;
        Assert.That(connection["otherSide"]!["name"]!.GetValue<string>(), Is.EqualTo("ACME Jira (acme.atlassian.net)"));
    }

    [Test]
    public async Task AcceptedConnection_IsListedByTheConsole()
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.AcceptAnswer(payload));
        (await Accept()).Dispose();

        using var response = await browser.GetAsync("/api/console/connections");

        var connections = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["connections"]!.AsArray();
        Assert.That(connections.Select(c => c!["id"]!.GetValue<string>()), Is.EqualTo(new[] { InvitationCodes.ConnectionIdOf(payload) }));
        Assert.That(connections[0]!["otherSide"]!["name"]!.GetValue<string>(), Is.EqualTo("Exalate at acme.example"));
    }

    [Test]
    public async Task NoConnectionsYet_ListsNone_AndSaysWhichJiraTheNodeWorksWith()
    {
        using var response = await browser.GetAsync("/api/console/connections");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(answer["connections"]!.AsArray(), Is.Empty);
        Assert.That(answer["jira"]!["product"]!.GetValue<string>(), Is.EqualTo("Jira Cloud"));
        Assert.That(answer["jira"]!["problem"], Is.Null);
    }

    [Test]
    public async Task ProjectMissingInTheLocalJira_Answers400_WithoutAskingThePublicNode()
    {
        using var response = await Accept("NOPE");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "NOPE");
        Assert.That(await ErrorCode(response), Is.EqualTo("project_not_found"));
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
        Assert.That(await StoredConnections(), Is.Zero);
    }

    [Test]
    public async Task MalformedCode_Answers400_WithoutAskingThePublicNode()
    {
        using var response = await browser.PostAsJsonAsync("/api/console/connections/accept", new { code = "EXI1.broken", projectKey = "GLX" });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest);
        Assert.That(await ErrorCode(response), Is.EqualTo("invitation_malformed"));
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [Test]
    public async Task ExpiredCode_Answers410_WithoutAskingThePublicNode()
    {
        payload = InvitationCodes.Payload(node.PublicNodeUrl, DateTimeOffset.UtcNow.AddSeconds(-5));

        using var response = await Accept();

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Gone, "expired");
        Assert.That(await ErrorCode(response), Is.EqualTo("invitation_expired"));
        Assert.That(node.PublicNode.LogEntries, Is.Empty);
    }

    [TestCase(404, "invitation_not_found")]
    [TestCase(409, "invitation_used")]
    [TestCase(410, "invitation_expired")]
    [TestCase(410, "invitation_revoked")]
    [TestCase(400, "bad_request")]
    public async Task PublicNodeRefusal_IsPassedOnWithItsStatusAndCode_AndNothingIsStored(int status, string code)
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.Refusal(status, code));

        using var response = await Accept();

        await ApiErrorAssert.IsRefusal(response, (HttpStatusCode)status);
        Assert.That(await ErrorCode(response), Is.EqualTo(code));
        Assert.That(Accepts, Has.Count.EqualTo(1), "a refusal is an answer: it is not asked again");
        Assert.That(await StoredConnections(), Is.Zero);
    }

    [Test]
    public async Task SameCodeAcceptedTwice_SecondGetsThePublicNodes409_AndOneConnectionIsStored()
    {
        node.PublicNode.Sequence(PublicNodeStubs.Accept(), PublicNodeStubs.AcceptAnswer(payload), PublicNodeStubs.Refusal(409, "invitation_used"));

        using var first = await Accept();
        using var second = await Accept();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await ApiErrorAssert.IsRefusal(second, HttpStatusCode.Conflict);
        Assert.That(await ErrorCode(second), Is.EqualTo("invitation_used"));
        var nonces = Accepts.Select(r => r.BodyJson()["nonce"]!.GetValue<string>()).ToList();
        Assert.That(nonces.Distinct().Count(), Is.EqualTo(2), "a new accept makes a new nonce");
        Assert.That(await StoredConnections(), Is.EqualTo(1));
    }

    public static IEnumerable<TestCaseData> LostAnswers()
    {
        yield return new TestCaseData(Response.Create().WithStatusCode(502)).SetArgDisplayNames("BadGateway");
        yield return new TestCaseData(Response.Create().WithStatusCode(504)).SetArgDisplayNames("GatewayTimeout");
        yield return new TestCaseData(Response.Create().WithFault(FaultType.EMPTY_RESPONSE)).SetArgDisplayNames("ConnectionDropped");
        yield return new TestCaseData(Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK)).SetArgDisplayNames("AnswerCutOff");
    }

    [TestCaseSource(nameof(LostAnswers))]
    public async Task LostAnswer_IsAskedAgainWithTheSameNonce_AndTheConnectionStoredOnce(IResponseBuilder lost)
    {
        node.PublicNode.Sequence(PublicNodeStubs.Accept(), lost, PublicNodeStubs.AcceptAnswer(payload));

        using var response = await Accept();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var bodies = Accepts.Select(r => r.Body).ToList();
        Assert.That(bodies, Has.Count.EqualTo(2));
        Assert.That(bodies[1], Is.EqualTo(bodies[0]), "the retry repeats the same request, nonce included");
        Assert.That(await StoredConnections(), Is.EqualTo(1));
    }

    [Test]
    public async Task AnswerTooSlow_TimesOutAndIsAskedAgainWithTheSameNonce()
    {
        await using var impatient = await PrivateNode.StartAsync(new() { ["PrivateNode:PublicNodeTimeout"] = "00:00:00.500" });
        using var impatientBrowser = await impatient.LoggedInAsync();
        var code = InvitationCodes.Payload(impatient.PublicNodeUrl);
        impatient.PublicNode.Sequence(PublicNodeStubs.Accept(),
            PublicNodeStubs.AcceptAnswer(code).WithDelay(TimeSpan.FromSeconds(2)), PublicNodeStubs.AcceptAnswer(code));

        using var response = await impatientBrowser.PostAsJsonAsync("/api/console/connections/accept", new { code = InvitationCodes.Encode(code), projectKey = "GLX" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var bodies = (await impatient.ReceivedAtLeast(PublicNodeStubs.AcceptRoute, 2, TimeSpan.FromSeconds(10))).Select(r => r.Body).ToList();
        Assert.That(bodies, Has.Count.EqualTo(2));
        Assert.That(bodies[1], Is.EqualTo(bodies[0]));
    }

    [Test]
    public async Task AnswerLostEveryTime_GivesUpAfterAFewAttempts_With502_AndStoresNothing()
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(Response.Create().WithStatusCode(503));

        using var response = await Accept();

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway);
        Assert.That(await ErrorCode(response), Is.EqualTo("public_node_unreachable"));
        Assert.That(Accepts, Has.Count.EqualTo(4));
        Assert.That(Accepts.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same nonce");
        Assert.That(await StoredConnections(), Is.Zero);
    }

    [Test]
    public async Task ServerErrorThatIsNotALostAnswer_IsNotRepeated()
    {
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(Response.Create().WithStatusCode(500));

        using var response = await Accept();

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "HTTP 500");
        Assert.That(Accepts, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AnswerForAnotherConnection_IsNotStored()
    {
        var other = InvitationCodes.Payload(node.PublicNodeUrl);
        node.PublicNode.Given(PublicNodeStubs.Accept()).RespondWith(PublicNodeStubs.AcceptAnswer(other));

        using var response = await Accept();

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "accepted connection");
        Assert.That(await StoredConnections(), Is.Zero);
    }

    [TestCase("""{"projectKey":"GLX"}""", "code")]
    [TestCase("""{"code":"EXI1.x"}""", "projectKey")]
    public async Task MissingField_Answers400NamingIt(string json, string field)
    {
        using var response = await browser.PostAsync("/api/console/connections/accept", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, field);
    }
}
