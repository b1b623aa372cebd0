using ConnectAddon.TestKit;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// A Jira admin initiates a connection to a private node (DESIGN §5): the answer carries the invitation code once,
/// the list shows the connection pending with the other side unknown, and only a hash of the secret is stored.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class InitiateConnectionTests(TestStore store)
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync(store: store);

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    [Test]
    public async Task Initiate_AnswersACode_AndTheListShowsThePendingConnectionWithTheOtherSideUnknown()
    {
        var (id, code, answer) = await node.InitiateAsync(name: "Acme ↔ Globex");

        var list = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");

        var listed = list["connections"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(code, Does.StartWith("EXI1."));
            Assert.That(id, Does.Match("^con_[a-z2-7]{26}$"));
            Assert.That(JsonNode.DeepEquals(listed, answer["connection"]), listed.ToJsonString());
            Assert.That(listed["name"]!.GetValue<string>(), Is.EqualTo("Acme ↔ Globex"));
            Assert.That(listed["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(listed["mode"]!.GetValue<string>(), Is.EqualTo("basic"));
            Assert.That(listed["type"]!.GetValue<string>(), Is.EqualTo("private"));
            Assert.That(listed["otherSide"], Is.Null);
            Assert.That(listed["lastPolledAt"], Is.Null);
            Assert.That(listed["localProject"]!.ToJsonString(), Is.EqualTo("""{"id":"10000","key":"ACME","name":"Acme Support"}"""));
            Assert.That(listed["invitation"]!["status"]!.GetValue<string>(), Is.EqualTo("valid"));
            Assert.That(listed["issuesInSync"]!.GetValue<int>(), Is.Zero);
            Assert.That(listed.ToJsonString(), Does.Not.Contain(CodeContent.Read(code)["s"]!.GetValue<string>()), "the list never shows the secret");
        });
    }

    [Test]
    public async Task InvitationCode_DecodesToTheDocumentedJson()
    {
        var before = node.Clock.GetUtcNow();
        var (id, code, _) = await node.InitiateAsync(name: "To Globex");

        var content = CodeContent.Read(code);

        Assert.Multiple(() =>
        {
            Assert.That(content.Select(p => p.Key), Is.EqualTo(new[] { "v", "url", "cid", "s", "m", "t", "exp", "ver", "n" }));
            Assert.That(content["v"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(content["url"]!.GetValue<string>(), Is.EqualTo(AddonHost.BaseUrl));
            Assert.That(content["cid"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(CodeContent.Secret(code), Has.Length.EqualTo(32));
            Assert.That(content["s"]!.GetValue<string>(), Does.Match("^[A-Za-z0-9_-]{43}$"), "base64url without padding");
            Assert.That(content["m"]!.GetValue<string>(), Is.EqualTo("basic"));
            Assert.That(content["t"]!.GetValue<string>(), Is.EqualTo("private"));
            Assert.That(content["exp"]!.GetValue<long>(), Is.EqualTo((before + TimeSpan.FromHours(72)).ToUnixTimeSeconds()), "72 hours by default");
            Assert.That(content["ver"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(content["n"]!.GetValue<string>(), Is.EqualTo("To Globex"));
        });
    }

    [Test]
    public async Task TwoInitiations_HaveDifferentIdsAndSecrets()
    {
        var first = await node.InitiateAsync();
        var second = await node.InitiateAsync();

        Assert.That(second.Id, Is.Not.EqualTo(first.Id));
        Assert.That(CodeContent.Secret(second.Code), Is.Not.EqualTo(CodeContent.Secret(first.Code)));
    }

    [Test]
    public async Task Initiate_WithoutAName_NamesItAfterTheProject_WithASuffixThatTellsInvitationsApart()
    {
        var (firstId, _, first) = await node.InitiateAsync();
        var (_, _, second) = await node.InitiateAsync();

        var name = first["connection"]!["name"]!.GetValue<string>();
        Assert.That(name, Is.EqualTo("ACME to private node · " + firstId["con_".Length..][..4].ToUpperInvariant()));
        Assert.That(second["connection"]!["name"]!.GetValue<string>(), Is.Not.EqualTo(name), "two invitations from one project are told apart");
    }

    [Test]
    public async Task CopyInvitationCode_WhileValid_GivesTheSameCodeAgain_AndStoresItOnlyEncrypted()
    {
        var (id, code, _) = await node.InitiateAsync();

        var again = await node.AdminJsonAsync(HttpMethod.Get, $"/api/admin/connections/{id}/invitation");

        Assert.That(again["invitationCode"]!.GetValue<string>(), Is.EqualTo(code));
        Assert.That(again["connection"]!["invitation"]!["status"]!.GetValue<string>(), Is.EqualTo("valid"));
        var stored = await node.ScalarAsync<string>("SELECT code_protected FROM invitations WHERE connection_id = @id", new { id });
        Assert.That(stored, Is.Not.Empty.And.Not.Contain(CodeContent.Secret(code)).And.Not.EqualTo(code));
    }

    [Test]
    public async Task CopyInvitationCode_OfARevokedOrExpiredInvitation_Is409_SayingWhyAndWhatToDo()
    {
        var (revokedId, _, _) = await node.InitiateAsync();
        await node.AdminJsonAsync(HttpMethod.Post, $"/api/admin/connections/{revokedId}/invitation/revoke");
        using (var revoked = await node.AdminAsync(HttpMethod.Get, $"/api/admin/connections/{revokedId}/invitation"))
            await ApiErrorAssert.IsRefusal(revoked, HttpStatusCode.Conflict, "is revoked; initiate a new connection");

        var (expiringId, _, _) = await node.InitiateAsync();
        node.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));
        using var expired = await node.AdminAsync(HttpMethod.Get, $"/api/admin/connections/{expiringId}/invitation");
        await ApiErrorAssert.IsRefusal(expired, HttpStatusCode.Conflict, "is expired; initiate a new connection");
    }

    [Test]
    public async Task CopyInvitationCode_OfAnotherSitesConnection_Is404()
    {
        var (id, _, _) = await node.InitiateAsync();
        using var response = await node.AdminAsync(HttpMethod.Get, $"/api/admin/connections/{id}/invitation", tenant: node.TenantB);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Initiate_StoresOnlyTheHashOfTheSecret()
    {
        var (id, code, _) = await node.InitiateAsync();
        var secret = CodeContent.Secret(code);

        var storedHash = await node.ScalarAsync<string>("SELECT secret_hash FROM invitations WHERE connection_id = @id", new { id });

        Assert.That(storedHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(secret))));
        var stored = await node.StoredAsync();
        Assert.That(stored, Does.Not.Contain(CodeContent.Read(code)["s"]!.GetValue<string>()));
        Assert.That(stored, Does.Not.Contain(Convert.ToBase64String(secret)));
        Assert.That(node.Host.Logs.All, Does.Not.Contain(CodeContent.Read(code)["s"]!.GetValue<string>()).And.Not.Contain(code));
    }

    [Test]
    public async Task InvitationLifetimeSetting_SetsWhenTheCodeExpires()
    {
        await using var shortLived = await PublicNodeHarness.StartAsync(new() { ["Connections:InvitationLifetime"] = "01:30:00" });
        var before = shortLived.Clock.GetUtcNow();

        var (_, code, answer) = await shortLived.InitiateAsync();

        var expires = (before + TimeSpan.FromMinutes(90)).ToUnixTimeSeconds();
        Assert.That(CodeContent.Read(code)["exp"]!.GetValue<long>(), Is.EqualTo(expires));
        Assert.That(DateTimeOffset.Parse(answer["connection"]!["invitation"]!["expiresAt"]!.GetValue<string>()).ToUnixTimeSeconds(), Is.EqualTo(expires));
    }

    [Test]
    public async Task Initiate_WithAProjectJiraDoesNotKnow_Is400AndStoresNothing()
    {
        using var response = await node.AdminAsync(HttpMethod.Post, "/api/admin/connections",
            new JsonObject { ["projectId"] = "99999", ["mode"] = "basic", ["type"] = "private" });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "99999");
        Assert.That(await node.ScalarAsync<long>("SELECT COUNT(*) FROM connections"), Is.Zero);
    }
}
