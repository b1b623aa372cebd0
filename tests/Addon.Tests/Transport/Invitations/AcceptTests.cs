using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Invitations;

/// <summary>
/// A private node accepts an invitation (DESIGN §6): once, before it expires, unless it was revoked. The code is
/// consumed in the same step that makes the connection active; a retry with the same nonce gets the same answer,
/// anything else a refusal that changes nothing.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class AcceptTests(TestStore store)
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync(store: store);

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private Task<HttpResponseMessage> AcceptAsync(string code, byte[] nonce) =>
        node.TransportAsync("/transport/v1/accept", CodeContent.AcceptBody(code, nonce));

    private async Task RefusedAsync(string code, byte[] nonce, HttpStatusCode status, string error)
    {
        var before = await node.StoredAsync();
        using var response = await AcceptAsync(code, nonce);
        await ApiErrorAssert.IsRefusal(response, status);
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo(error));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before), "a refused accept changes nothing");
    }

    [Test]
    public async Task Accept_AnswersTheDocumentedJson_AndTheConnectionBecomesActiveWithThePrivateNodesName()
    {
        var (id, code, _) = await node.InitiateAsync(name: "Acme to Globex");

        var answer = await node.AcceptAsync(code);

        Assert.That(answer.ToJsonString(), Is.EqualTo(new JsonObject
        {
            ["connectionId"] = id,
            ["name"] = "Acme to Globex",
            ["mode"] = "basic",
            ["type"] = "private",
            ["publicNode"] = new JsonObject { ["name"] = "Exalate at addon.example.test", ["version"] = answer["publicNode"]!["version"]!.GetValue<string>(), ["baseUrl"] = AddonHost.BaseUrl },
            ["publicProject"] = new JsonObject { ["key"] = "ACME", ["name"] = "Acme Support" },
            // The site the project is on, by its own title (serverInfo, read at Initiate) and its address.
            ["publicSite"] = new JsonObject { ["title"] = "Jira (site-a)", ["url"] = node.TenantA.Site.BaseUrl },
        }.ToJsonString()));
        Assert.That(answer["publicNode"]!["version"]!.GetValue<string>(), Is.Not.Empty);

        var listed = (await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections"))["connections"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(listed["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(listed["otherSide"]!.ToJsonString(), Is.EqualTo(
                $$"""{"name":"{{CodeContent.NodeName}}","version":"{{CodeContent.NodeVersion}}","projectKey":"GLX","projectName":"Globex Engineering","jira":null}"""),
                "a node that does not say which Jira it works with leaves it unknown");
            Assert.That(listed["invitation"]!["status"]!.GetValue<string>(), Is.EqualTo("used"));
        });
    }

    [Test]
    public async Task Accept_FromANodeOnDataCenter_ShowsItsJiraOnTheConnection()
    {
        var (_, code, _) = await node.InitiateAsync(name: "Acme to Globex");
        var body = CodeContent.AcceptBody(code, CodeContent.NewNonce());
        body["node"]!["jira"] = "Jira Data Center 9.12.15";

        using var response = await node.TransportAsync("/transport/v1/accept", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var listed = (await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections"))["connections"]![0]!;
        Assert.That(listed["otherSide"]!["jira"]!.GetValue<string>(), Is.EqualTo("Jira Data Center 9.12.15"));
    }

    [Test]
    public async Task Accept_WithAJiraNameThatIsNoShortText_IsRefused_AndChangesNothing()
    {
        var (_, code, _) = await node.InitiateAsync(name: "Acme to Globex");
        var body = CodeContent.AcceptBody(code, CodeContent.NewNonce());
        body["node"]!["jira"] = new string('J', 101);
        var before = await node.StoredAsync();

        using var response = await node.TransportAsync("/transport/v1/accept", body);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("node.jira"));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Accept_BothSidesDeriveTheSameConnectionKey_AndThePublicSideStoresItEncrypted()
    {
        var (id, code, _) = await node.InitiateAsync();
        var nonce = CodeContent.NewNonce();

        await node.AcceptAsync(code, nonce);

        // What the private node computes on its side, written here without the app's code.
        var expected = Base64Url.Encode(new HMACSHA256(CodeContent.Secret(code)).ComputeHash(nonce));
        var stored = await node.ScalarAsync<string>("SELECT connection_key FROM connections WHERE id = @id", new { id });
        Assert.That(stored, Is.Not.EqualTo(expected), "encrypted at rest");
        Assert.That(node.App.Services.GetRequiredService<ConnectionKeyProtector>().Unprotect(stored), Is.EqualTo(expected));
    }

    [Test]
    public async Task Accept_RetriedWithTheSameNonce_ReplaysTheSameAnswer_AndChangesNothing()
    {
        var (_, code, _) = await node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        using var first = await AcceptAsync(code, nonce);
        var firstBody = await first.Content.ReadAsStringAsync();
        var afterFirst = await node.StoredAsync();
        node.Clock.Advance(TimeSpan.FromMinutes(1));

        using var retry = await AcceptAsync(code, nonce);

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
        Assert.That(await node.StoredAsync(), Is.EqualTo(afterFirst), "nothing doubled or moved on");
    }

    [Test]
    public async Task Accept_RetriedAfterTheInvitationWouldHaveExpired_StillReplaysTheAnswer()
    {
        var (_, code, _) = await node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        var first = await node.AcceptAsync(code, nonce);
        node.Clock.Advance(TimeSpan.FromDays(4));

        var retry = await node.AcceptAsync(code, nonce);

        Assert.That(JsonNode.DeepEquals(retry, first));
    }

    [Test]
    public async Task Accept_WithAnotherNonceAfterAcceptance_Is409()
    {
        var (_, code, _) = await node.InitiateAsync();
        await node.AcceptAsync(code);

        await RefusedAsync(code, CodeContent.NewNonce(), HttpStatusCode.Conflict, "invitation_used");
    }

    [Test]
    public async Task ConcurrentAccepts_WithDifferentNonces_OnlyOneWins()
    {
        var (id, code, _) = await node.InitiateAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AcceptAsync(code, CodeContent.NewNonce())));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict), Is.EqualTo(5));
        Assert.That(await node.ScalarAsync<string>("SELECT status FROM connections WHERE id = @id", new { id }), Is.EqualTo("active"));
        foreach (var response in responses)
            response.Dispose();
    }

    [Test]
    public async Task Accept_AfterTheInvitationExpired_Is410()
    {
        var (_, code, _) = await node.InitiateAsync();
        node.Clock.Advance(TimeSpan.FromHours(72));

        await RefusedAsync(code, CodeContent.NewNonce(), HttpStatusCode.Gone, "invitation_expired");
    }

    [Test]
    public async Task Accept_OneSecondBeforeExpiry_Succeeds()
    {
        var (_, code, _) = await node.InitiateAsync();
        var expires = DateTimeOffset.FromUnixTimeSeconds(CodeContent.Read(code)["exp"]!.GetValue<long>());
        node.Clock.Advance(expires - node.Clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        await node.AcceptAsync(code);
    }

    [Test]
    public async Task Accept_OfARevokedInvitation_Is410()
    {
        var (id, code, _) = await node.InitiateAsync();
        await node.AdminJsonAsync(HttpMethod.Post, $"/api/admin/connections/{id}/invitation/revoke");

        await RefusedAsync(code, CodeContent.NewNonce(), HttpStatusCode.Gone, "invitation_revoked");
    }

    [Test]
    public async Task Accept_AfterTheConnectionWasDeleted_Is404()
    {
        var (id, code, _) = await node.InitiateAsync();
        using (var deleted = await node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{id}"))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await RefusedAsync(code, CodeContent.NewNonce(), HttpStatusCode.NotFound, "invitation_not_found");
    }

    [Test]
    public async Task Accept_WithAWrongSecret_Is404_LikeAnUnknownConnection()
    {
        var (_, code, _) = await node.InitiateAsync();
        var wrongSecret = CodeContent.Read(code);
        wrongSecret["s"] = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        var unknownId = CodeContent.Read(code);
        unknownId["cid"] = ConnectionId.New();

        await RefusedAsync(CodeContent.Write(wrongSecret), CodeContent.NewNonce(), HttpStatusCode.NotFound, "invitation_not_found");
        await RefusedAsync(CodeContent.Write(unknownId), CodeContent.NewNonce(), HttpStatusCode.NotFound, "invitation_not_found");
    }

    [Test]
    public async Task CodeOfOneTenant_DoesNotUnlockAnotherTenantsConnection()
    {
        var (_, codeA, _) = await node.InitiateAsync();
        var (idB, _, _) = await node.InitiateAsync(node.TenantB);
        var mixed = CodeContent.Read(codeA);
        mixed["cid"] = idB;

        await RefusedAsync(CodeContent.Write(mixed), CodeContent.NewNonce(), HttpStatusCode.NotFound, "invitation_not_found");
    }

    [Test]
    public async Task Refusals_AreLogged_WithoutTheSecretOrTheNonce()
    {
        var (id, code, _) = await node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        await node.AcceptAsync(code, nonce);
        var otherNonce = CodeContent.NewNonce();
        using (await AcceptAsync(code, otherNonce)) { }

        var logs = node.Host.Logs.All;
        Assert.That(logs, Does.Contain(id).And.Contain("another nonce"));
        foreach (var secretText in new[] { CodeContent.Read(code)["s"]!.GetValue<string>(), Base64Url.Encode(nonce), Base64Url.Encode(otherNonce), code })
            Assert.That(logs, Does.Not.Contain(secretText));
    }
}
