using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using JiraSim.Faults;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// Only a Jira administrator of the caller's own site manages its connections (DESIGN §4): every admin route asks
/// the tenant's Jira, remembers a yes for at most 15 minutes and a no not at all, and never lets one tenant see or
/// touch another's connection.
/// </summary>
public class AdminAuthorizationTests
{
    private PublicNodeHarness node = null!;

    [SetUp]
    public async Task Start() => node = await PublicNodeHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    /// <summary>Every admin route, for a connection id; with a body where the route takes one.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, JsonObject? Body)> Routes(string id) =>
    [
        (HttpMethod.Get, "/api/admin/connections", null),
        (HttpMethod.Post, "/api/admin/connections", new JsonObject { ["projectId"] = "10000", ["mode"] = "basic", ["type"] = "private" }),
        (HttpMethod.Patch, $"/api/admin/connections/{id}", new JsonObject { ["name"] = "Taken over" }),
        (HttpMethod.Get, $"/api/admin/connections/{id}/invitation", null),
        (HttpMethod.Post, $"/api/admin/connections/{id}/invitation/revoke", null),
        (HttpMethod.Post, $"/api/admin/connections/{id}/deactivate", null),
        (HttpMethod.Post, $"/api/admin/connections/{id}/activate", null),
        (HttpMethod.Delete, $"/api/admin/connections/{id}", null),
        (HttpMethod.Get, "/api/admin/projects?query=ACME", null),
        (HttpMethod.Get, "/api/admin/connection-types", null),
    ];

    [Test]
    public async Task NonAdminUser_IsRefusedByEveryRoute_AndNothingChanges()
    {
        var (id, _, _) = await node.InitiateAsync();
        var before = await node.StoredAsync();

        foreach (var (method, path, body) in Routes(id))
        {
            using var response = await node.AdminAsync(method, path, body, subject: node.TenantA.UserAccountId);
            var message = await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "Jira administrators");
            Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("not_jira_admin"), $"{method} {path}: {message}");
        }
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task NoToken_Is401OnEveryRoute()
    {
        var (id, _, _) = await node.InitiateAsync();
        var before = await node.StoredAsync();

        foreach (var (method, path, body) in Routes(id))
        {
            using var response = await node.SendAsync(method, path, body, token: null);
            await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "No JWT");
        }
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(1), "only the initiating admin was checked");
    }

    [Test]
    public async Task TokenWithoutAUser_Is403WithoutAskingJira()
    {
        using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections", subject: "");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "names no user");
        Assert.That(node.TenantA.PermissionChecks, Is.Zero);
    }

    [Test]
    public async Task AccountJiraDoesNotKnow_Is403()
    {
        using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections", subject: "557058:stranger");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "Jira administrators");
    }

    [Test]
    public async Task RequestTokenForAnotherRoute_IsRefused()
    {
        var token = node.TenantA.Site.Token("GET", "/api/admin/projects", subject: node.TenantA.AdminAccountId, issuedAt: node.Clock.GetUtcNow());
        using var response = await node.SendAsync(HttpMethod.Get, "/api/admin/connections", null, token);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "qsh");
    }

    [Test]
    public async Task JiraFailingDuringTheCheck_Is503_AndIsNotTakenForAYes()
    {
        node.Jira.Faults("site-a").Add(FaultRule.ServerError(InstalledTenant.PermissionCheck, 500, times: null));
        var before = await node.StoredAsync();

        using var response = await node.AdminAsync(HttpMethod.Post, "/api/admin/connections",
            new JsonObject { ["projectId"] = "10000", ["mode"] = "basic", ["type"] = "private" });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.ServiceUnavailable, "administrator");
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AfterJiraRecovers_TheCheckIsAskedAgain()
    {
        node.Jira.Faults("site-a").Add(FaultRule.ServerError(InstalledTenant.PermissionCheck, 503, times: 2));
        using (var failed = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections"))
            Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));

        using var recovered = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections");

        Assert.That(recovered.StatusCode, Is.EqualTo(HttpStatusCode.OK), await recovered.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task AdminsYes_IsRememberedForFifteenMinutesAtMost()
    {
        for (var i = 0; i < 3; i++)
            await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(1), "one check for several calls");

        node.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(1), "still remembered just before 15 minutes");

        node.Clock.Advance(TimeSpan.FromSeconds(1));
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(2), "asked again after 15 minutes");
    }

    [Test]
    public async Task AdminWhoLostThePermission_IsRefusedOnceTheRememberedYesRunsOut()
    {
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        lock (node.TenantA.Sim.Sync)
        {
            var users = node.TenantA.Sim.Users;
            var admin = users.Single(u => u.AccountId == node.TenantA.AdminAccountId);
            users[users.IndexOf(admin)] = admin with { IsAdmin = false };
        }

        node.Clock.Advance(TimeSpan.FromMinutes(15));
        using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "Jira administrators");
    }

    [Test]
    public async Task NonAdminsNo_IsNotRemembered()
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await node.AdminAsync(HttpMethod.Get, "/api/admin/connections", subject: node.TenantA.UserAccountId);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }
        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(2));
    }

    [Test]
    public async Task RememberedYes_IsPerTenant()
    {
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections", tenant: node.TenantB);

        Assert.That(node.TenantA.PermissionChecks, Is.EqualTo(1));
        Assert.That(node.TenantB.PermissionChecks, Is.EqualTo(1), "tenant B's admin is checked by tenant B's Jira");
    }

    [Test]
    public async Task AdminOfAnotherTenant_CannotSeeOrTouchTheConnection()
    {
        var (id, _, _) = await node.InitiateAsync();
        var before = await node.StoredAsync();

        var listB = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections", tenant: node.TenantB);
        Assert.That(listB["connections"]!.AsArray(), Is.Empty);
        foreach (var (method, path, body) in Routes(id).Where(r => r.Path.Contains(id)))
        {
            using var response = await node.AdminAsync(method, path, body, node.TenantB);
            await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound, "no such connection");
        }

        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
        var listA = await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(listA["connections"]!.AsArray().Single()!["id"]!.GetValue<string>(), Is.EqualTo(id));
    }
}
