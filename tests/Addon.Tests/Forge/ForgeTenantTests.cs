using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Jira;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using JiraSim.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Forge;

/// <summary>
/// A site that installed the Forge app, as its admin and its users meet it: the Connections page's calls through
/// invokeRemote are answered for the site, with the site's Jira asked (with the app token, at the API base URL) whether
/// the user is an administrator; Jira work without a fresh app token waits and sends nothing, and goes on once Forge
/// hands one out again; a site that ran the Connect app keeps its connections when it moves to Forge.
/// </summary>
public class ForgeTenantTests
{
    private const string ConnectAppUser = "557058:app-connect";
    private ForgeHarness forge = null!;

    [TearDown]
    public async Task Stop()
    {
        if (forge is not null)
            await forge.DisposeAsync();
    }

    private string ForgeTenantKey => Tenant.ForgeKeyPrefix + forge.CloudId;

    private static JsonObject NewConnection() => new() { ["projectId"] = "10000", ["mode"] = "basic", ["type"] = "private" };

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    private static List<string> ConnectionIds(JsonNode list) =>
        list["connections"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();

    [Test]
    public async Task AnAdminOnTheConnectionsPage_InitiatesAndListsConnections_ThroughForgeOnly()
    {
        forge = await ForgeHarness.StartAsync();
        var checks = forge.SiteA.Requests["POST /rest/api/3/permissions/check"];

        using var initiated = await forge.FromPageAsync(HttpMethod.Post, "/api/admin/connections", NewConnection());
        var created = await JsonAsync(initiated, HttpStatusCode.Created);
        using var listed = await forge.FromPageAsync(HttpMethod.Get, "/api/admin/connections");
        var list = await JsonAsync(listed, HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(created["invitationCode"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(ConnectionIds(list), Is.EqualTo(new[] { created["connection"]!["id"]!.GetValue<string>() }));
            // The site never installed the Connect app: the node has no shared secret for it, so the app token at the
            // API base URL is what Jira answered to.
            Assert.That(await forge.Host.ScalarAsync<long>("SELECT COUNT(*) FROM tenants WHERE client_key = @key AND shared_secret IS NULL", new { key = ForgeTenantKey }), Is.EqualTo(1));
            Assert.That(forge.SiteA.Requests["POST /rest/api/3/permissions/check"], Is.GreaterThan(checks), "Jira was asked whether the user is an administrator");
        });
    }

    [Test]
    public async Task AUserWhoIsNoJiraAdministrator_IsRefused_AndNothingIsCreated()
    {
        forge = await ForgeHarness.StartAsync();
        var before = await forge.Host.SnapshotAsync();

        using var response = await forge.FromPageAsync(HttpMethod.Post, "/api/admin/connections", NewConnection(), ForgeHarness.UserAccountId);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "administrator");
        Assert.That(await forge.Host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task AnInvocationThatNamesNoUser_AnEventsToken_IsRefusedOnTheAdminApi()
    {
        forge = await ForgeHarness.StartAsync();
        var eventToken = forge.Jira.Forge.Token(forge.Install, "core:trigger", "issue-events");

        using var response = await forge.SendAsync(HttpMethod.Get, "/api/admin/connections", null, eventToken, forge.Install.AppToken);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "names no user");
    }

    [Test]
    public async Task WithoutAFreshAppToken_JiraWorkWaits_SendingNothing_AndGoesOnWhenForgeHandsOutOne()
    {
        forge = await ForgeHarness.StartAsync();
        var store = forge.Host.Services.GetRequiredService<TenantStore>();
        var jira = forge.Host.Services.GetRequiredService<JiraClientFactory>();
        // The token that came with the last call is older than Forge's 2 hours (less the node's margin).
        Assert.That(await forge.Host.Database.ExecuteAsync("UPDATE tenants SET forge_token_until_ms = 0 WHERE client_key = @key", new { key = ForgeTenantKey }), Is.EqualTo(1));
        store.Forget(ForgeTenantKey);
        var sent = forge.SiteA.Requests.Total;

        var waiting = await jira.For((await store.FindAsync(ForgeTenantKey))!).GetServerInfoAsync();

        Assert.That(waiting.IsSuccess, Is.False);
        Assert.That(waiting.Error!.Kind, Is.EqualTo(JiraErrorKind.AppTokenUnavailable));
        Assert.That(waiting.Error.IsTransient, Is.True, "the work is tried again, not dropped");
        Assert.That(waiting.Error.Message, Does.Contain("Waiting for a fresh app token"));
        Assert.That(forge.SiteA.Requests.Total, Is.EqualTo(sent), "nothing was sent to Jira");

        // Forge's hourly scheduled call brings a token, as every invocation does.
        var scheduled = await forge.Jira.Forge.RunScheduledAsync(forge.Install);
        Assert.That(scheduled!.Status, Is.EqualTo(204));
        var resumed = await jira.For((await store.FindAsync(ForgeTenantKey))!).GetServerInfoAsync();
        Assert.That(resumed.IsSuccess, Is.True, resumed.Error?.ToString());
    }

    [Test]
    public async Task AnAppTokenJiraRefuses_MakesTheWorkWaitForAFreshOne_NotFail()
    {
        forge = await ForgeHarness.StartAsync();
        var store = forge.Host.Services.GetRequiredService<TenantStore>();
        var jira = forge.Host.Services.GetRequiredService<JiraClientFactory>();
        forge.Install.RevokeTokens(); // Forge revoked the token the node holds, before its time

        var refused = await jira.For((await store.FindAsync(ForgeTenantKey))!).GetServerInfoAsync();

        Assert.That(refused.IsSuccess, Is.False);
        Assert.That(refused.Error!.Kind, Is.EqualTo(JiraErrorKind.AppTokenUnavailable), refused.Error.ToString());
        Assert.That(refused.Error.IsTransient, Is.True, "the work is tried again, not dropped");
        Assert.That(refused.Error.Message, Does.Contain("waiting for a fresh app token"));

        await forge.Jira.Forge.RunScheduledAsync(forge.Install);
        var resumed = await jira.For((await store.FindAsync(ForgeTenantKey))!).GetServerInfoAsync();
        Assert.That(resumed.IsSuccess, Is.True, resumed.Error?.ToString());
    }

    [Test]
    public async Task WhenForgeRotatesTheAppToken_TheNextInvocationsTokenIsUsed()
    {
        forge = await ForgeHarness.StartAsync();
        forge.Install.RevokeTokens(); // the node's token no longer works at the API base URL

        using var listed = await forge.FromPageAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(listed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the page's own call brought the new token, and the admin check used it");
    }

    [Test]
    public async Task TheAppToken_IsNeitherLoggedNorStoredInClear()
    {
        forge = await ForgeHarness.StartAsync();
        using var _ = await forge.FromPageAsync(HttpMethod.Get, "/api/admin/connections");
        var token = forge.Install.AppToken;

        var stored = await forge.Host.ScalarAsync<string>("SELECT forge_token FROM tenants WHERE client_key = @key", new { key = ForgeTenantKey });
        Assert.That(stored, Is.Not.Empty.And.Not.Contain(token));
        Assert.That(forge.Host.Logs.All, Does.Not.Contain(token));
        Assert.That(await forge.Host.EverythingStoredAsync(), Does.Not.Contain(token));
    }

    [Test]
    public async Task ASiteThatMovesFromConnectToForge_KeepsItsConnections_AndItsJiraCallsGoThroughForge()
    {
        JiraSite connect = null!;
        string connectionId = null!;
        forge = await ForgeHarness.StartAsync(before: async harness =>
        {
            // The site as it ran the Connect app: installed with its cloudId, a connection initiated from its page.
            connect = new JiraSite("client-site-a", harness.SiteA.BaseUrlText, LifecycleBody.NewSharedSecret());
            var body = LifecycleBody.For("installed", AddonHost.AppKey, connect.ClientKey, connect.BaseUrl, connect.SharedSecret);
            body["cloudId"] = harness.CloudId;
            using (var installed = await harness.Host.SendInstallAsync("installed", body))
                Assert.That(installed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await installed.Content.ReadAsStringAsync());
            var appUser = harness.SiteA.AddUser(new SimUser { AccountId = ConnectAppUser, DisplayName = "Exalate (Connect)", AccountType = "app" });
            lock (harness.SiteA.Sync)
                harness.SiteA.Apps[AddonHost.AppKey] = new SimApp
                {
                    Key = AddonHost.AppKey, BaseUrl = new Uri(AddonHost.BaseUrl), SharedSecret = connect.SharedSecret, UserAccountId = appUser.AccountId, Descriptor = [],
                };
            using var initiated = await harness.Host.PostJsonAsync("/api/admin/connections", NewConnection().ToJsonString(), null,
                r => r.Headers.Authorization = new("JWT", connect.ContextToken(ForgeHarness.AdminAccountId)));
            connectionId = (await JsonAsync(initiated, HttpStatusCode.Created))["connection"]!["id"]!.GetValue<string>();
        });

        // Connect's end: the site no longer runs the Connect app, so only Forge's token can reach its Jira.
        lock (forge.SiteA.Sync)
            forge.SiteA.Apps.Remove(AddonHost.AppKey);
        using var listed = await forge.FromPageAsync(HttpMethod.Get, "/api/admin/connections");
        var list = await JsonAsync(listed, HttpStatusCode.OK);

        Assert.Multiple(async () =>
        {
            Assert.That(ConnectionIds(list), Is.EqualTo(new[] { connectionId }), "the connection initiated under Connect is the Forge page's");
            Assert.That(await forge.Host.ScalarAsync<long>("SELECT COUNT(*) FROM tenants"), Is.EqualTo(1), "one tenant: the site");
            Assert.That(await forge.Host.ScalarAsync<string>("SELECT forge_installation_id FROM tenants WHERE client_key = @key", new { key = connect.ClientKey }),
                Is.EqualTo(forge.Install.InstallationId));
        });
    }
}
