using ConnectAddon.TestKit;
using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using JiraSim.Model;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// Editing a connection (DESIGN §5): rename, change the incoming project, revoke a pending invitation, deactivate and
/// activate, delete. Each change is allowed only in the statuses that make sense; anything else is a 409 that changes nothing.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class ConnectionChangeTests(TestStore store)
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync(store: store);

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static string Path(string id, string action = "") => $"/api/admin/connections/{id}{action}";

    private async Task<string> ActiveConnectionAsync()
    {
        var (id, code, _) = await node.InitiateAsync();
        await node.AcceptAsync(code);
        return id;
    }

    private async Task RefusedAsync(HttpMethod method, string path, HttpStatusCode status, object? body = null)
    {
        var before = await node.StoredAsync();
        using var response = await node.AdminAsync(method, path, body);
        await ApiErrorAssert.IsRefusal(response, status);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before), "a refused change changes nothing");
    }

    [Test]
    public async Task Rename_ChangesOnlyTheName()
    {
        var (id, _, created) = await node.InitiateAsync();

        var renamed = await node.AdminJsonAsync(HttpMethod.Patch, Path(id), new JsonObject { ["name"] = "  Support escalations  " });

        Assert.That(renamed["name"]!.GetValue<string>(), Is.EqualTo("Support escalations"), "trimmed");
        renamed["name"] = created["connection"]!["name"]!.DeepClone();
        Assert.That(JsonNode.DeepEquals(renamed, created["connection"]), renamed.ToJsonString());
    }

    [Test]
    public async Task ChangeProject_StoresTheProjectAsJiraNamesIt()
    {
        var (id, _, _) = await node.InitiateAsync();
        lock (node.TenantA.Sim.Sync)
            node.TenantA.Sim.Projects.Add(new SimProject { Id = "10100", Key = "OPS", Name = "Acme Operations", IssueTypes = [new SimIssueType("10001", "Task")] });

        var moved = await node.AdminJsonAsync(HttpMethod.Patch, Path(id), new JsonObject { ["projectId"] = "10100" });

        Assert.That(moved["localProject"]!.ToJsonString(), Is.EqualTo("""{"id":"10100","key":"OPS","name":"Acme Operations"}"""));
        var listed = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(listed["connections"]![0]!["localProject"]!["key"]!.GetValue<string>(), Is.EqualTo("OPS"));
    }

    [Test]
    public async Task Deactivate_APendingConnection_Is409()
    {
        var (id, _, _) = await node.InitiateAsync();
        await RefusedAsync(HttpMethod.Post, Path(id, "/deactivate"), HttpStatusCode.Conflict);
        await RefusedAsync(HttpMethod.Post, Path(id, "/activate"), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task DeactivateAndActivate_MoveAnActiveConnectionBackAndForth()
    {
        var id = await ActiveConnectionAsync();

        var deactivated = await node.AdminJsonAsync(HttpMethod.Post, Path(id, "/deactivate"));
        await RefusedAsync(HttpMethod.Post, Path(id, "/deactivate"), HttpStatusCode.Conflict);
        var activated = await node.AdminJsonAsync(HttpMethod.Post, Path(id, "/activate"));
        await RefusedAsync(HttpMethod.Post, Path(id, "/activate"), HttpStatusCode.Conflict);

        Assert.That(deactivated["status"]!.GetValue<string>(), Is.EqualTo("deactivated"));
        Assert.That(activated["status"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(activated["otherSide"]!["name"]!.GetValue<string>(), Is.EqualTo(CodeContent.NodeName));
    }

    [Test]
    public async Task RevokeInvitation_OfAPendingConnection_ShowsItRevoked_AndOnlyOnce()
    {
        var (id, _, _) = await node.InitiateAsync();

        var revoked = await node.AdminJsonAsync(HttpMethod.Post, Path(id, "/invitation/revoke"));
        await RefusedAsync(HttpMethod.Post, Path(id, "/invitation/revoke"), HttpStatusCode.Conflict);

        Assert.That(revoked["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        Assert.That(revoked["invitation"]!["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
        Assert.That(revoked["statusReason"]!.GetValue<string>(), Does.Contain("revoked"));
    }

    [Test]
    public async Task RevokeInvitation_OfAnExpiredInvitation_IsAllowed()
    {
        var (id, _, _) = await node.InitiateAsync();
        node.Clock.Advance(TimeSpan.FromDays(4));

        var revoked = await node.AdminJsonAsync(HttpMethod.Post, Path(id, "/invitation/revoke"));

        Assert.That(revoked["invitation"]!["status"]!.GetValue<string>(), Is.EqualTo("revoked"));
    }

    [Test]
    public async Task RevokeInvitation_OfAnActiveConnection_Is409()
    {
        var id = await ActiveConnectionAsync();
        await RefusedAsync(HttpMethod.Post, Path(id, "/invitation/revoke"), HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Delete_RemovesItFromTheList_KeepsTheRow_AndRevokesTheInvitation()
    {
        var (id, _, _) = await node.InitiateAsync();

        using var deleted = await node.AdminAsync(HttpMethod.Delete, Path(id));

        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var list = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(list["connections"]!.AsArray(), Is.Empty);
        Assert.That(await node.ScalarAsync<long>("SELECT COUNT(*) FROM connections WHERE id = @id AND deleted_at_ms IS NOT NULL", new { id }), Is.EqualTo(1));
        Assert.That(await node.ScalarAsync<long>("SELECT COUNT(*) FROM invitations WHERE connection_id = @id AND revoked_at_ms IS NOT NULL", new { id }), Is.EqualTo(1));
    }

    [Test]
    public async Task DeletedConnection_CanNoLongerBeChanged()
    {
        var id = await ActiveConnectionAsync();
        using (var deleted = await node.AdminAsync(HttpMethod.Delete, Path(id)))
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await RefusedAsync(HttpMethod.Delete, Path(id), HttpStatusCode.NotFound);
        await RefusedAsync(HttpMethod.Patch, Path(id), HttpStatusCode.NotFound, new JsonObject { ["name"] = "Back again" });
        await RefusedAsync(HttpMethod.Post, Path(id, "/deactivate"), HttpStatusCode.NotFound);
        await RefusedAsync(HttpMethod.Post, Path(id, "/activate"), HttpStatusCode.NotFound);
        await RefusedAsync(HttpMethod.Post, Path(id, "/invitation/revoke"), HttpStatusCode.NotFound);
    }
}
