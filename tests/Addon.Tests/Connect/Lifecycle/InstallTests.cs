using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ConnectAddon.Tests.Connect.Lifecycle;

/// <summary>
/// The signed install (RS256, key from the install key server by kid) as Jira performs it, with WireMock.Net
/// as Atlassian's key server: what is stored on install, reinstall and uninstall, on either store. Every way an
/// install can be forged or malformed is in <see cref="InstallRefusalTests"/>.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class InstallTests(TestStore store)
{
    private AddonHost host = null!;

    [SetUp]
    public void Start() => host = new AddonHost(store: store);

    [TearDown]
    public void Stop() => host.Dispose();

    internal static JsonObject InstalledBody(string clientKey = "client-1", string? secret = null) =>
        LifecycleBody.For("installed", AddonHost.AppKey, clientKey, "https://acme.atlassian.net", secret ?? LifecycleBody.NewSharedSecret());

    private Task<HttpResponseMessage> Webhook(JiraSite site) => Webhook(host, site);

    internal static Task<HttpResponseMessage> Webhook(AddonHost host, JiraSite site) =>
        host.PostJsonAsync("/webhooks/issue-updated",
            """{"webhookEvent":"jira:issue_updated","issue":{"id":"10001","key":"ACME-1"}}""", site.Token("POST", "/webhooks/issue-updated"));

    [Test]
    public async Task SignedInstall_StoresTheTenant_AndItsWebhooksAreAccepted()
    {
        var site = await host.InstallAsync("client-1");

        var row = (await host.QueryAsync<(string BaseUrl, string AppKey, string Secret, long? Uninstalled)>(
            "SELECT base_url, app_key, shared_secret, uninstalled_at_ms FROM tenants WHERE client_key = 'client-1'")).Single();
        Assert.That(row.BaseUrl, Is.EqualTo("https://acme.atlassian.net/"));
        Assert.That(row.AppKey, Is.EqualTo(AddonHost.AppKey));
        Assert.That(row.Uninstalled, Is.Null);
        using var response = await Webhook(site);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task SharedSecret_IsEncryptedAtRest()
    {
        var site = await host.InstallAsync("client-1");

        var stored = await host.ScalarAsync<string>("SELECT shared_secret FROM tenants");
        Assert.That(stored, Does.Not.Contain(site.SharedSecret));
        Assert.That(await host.EverythingStoredAsync(), Does.Not.Contain(site.SharedSecret));
    }

    [Test]
    public async Task InstallKey_IsFetchedOncePerKid()
    {
        await host.InstallAsync("client-1");
        await host.InstallAsync("client-2");

        var fetches = host.KeyServer.LogEntries.Count(e => e.RequestMessage?.Path == "/" + host.InstallKey.Kid);
        Assert.That(fetches, Is.EqualTo(1));
    }

    [Test]
    public async Task Reinstall_RotatesTheSecret_OldTokensAreRefused()
    {
        var first = await host.InstallAsync("client-1");
        var installedAt = await host.ScalarAsync<long>("SELECT installed_at_ms FROM tenants");
        var second = await host.InstallAsync("client-1");

        using (var old = await Webhook(first))
            await ApiErrorAssert.IsRefusal(old, HttpStatusCode.Unauthorized, "signature");
        using (var fresh = await Webhook(second))
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM tenants"), Is.EqualTo(1));
        Assert.That(await host.ScalarAsync<long>("SELECT installed_at_ms FROM tenants"), Is.EqualTo(installedAt));
    }

    [Test]
    public async Task Uninstall_IsASoftDelete_TheTenantIsRefusedButItsDataStays()
    {
        var site = await host.InstallAsync("client-1");
        using (await Webhook(site)) { }

        using (var response = await host.SendInstallAsync("uninstalled", LifecycleBody.For("uninstalled", AddonHost.AppKey, "client-1", site.BaseUrl)))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM tenants WHERE uninstalled_at_ms IS NOT NULL"), Is.EqualTo(1));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.EqualTo(1));
        using var refused = await Webhook(site);
        await ApiErrorAssert.IsRefusal(refused, HttpStatusCode.Unauthorized, "not an installed tenant");
    }

    [Test]
    public async Task InstallAfterUninstall_ReactivatesTheTenant()
    {
        await host.InstallAsync("client-1");
        using (await host.SendInstallAsync("uninstalled", LifecycleBody.For("uninstalled", AddonHost.AppKey, "client-1", "https://acme.atlassian.net"))) { }
        var again = await host.InstallAsync("client-1");

        using var response = await Webhook(again);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task UninstallOfAnUnknownTenant_Is204AndChangesNothing()
    {
        var before = await host.SnapshotAsync();
        using var response = await host.SendInstallAsync("uninstalled", LifecycleBody.For("uninstalled", AddonHost.AppKey, "never-installed", "https://x.atlassian.net"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }
}
