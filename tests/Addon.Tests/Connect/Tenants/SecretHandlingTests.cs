using ConnectAddon.Connect.Tenants;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Tenants;

/// <summary>Shared secrets never appear in logs (DESIGN §8), whatever happens to the tenant.</summary>
public class SecretHandlingTests
{
    [Test]
    public async Task InstallReinstallWebhooksAndRefusals_NeverLogTheSharedSecret()
    {
        using var host = new AddonHost(new() { ["Logging:LogLevel:Default"] = "Trace" });
        var first = await host.InstallAsync("client-1");
        var second = await host.InstallAsync("client-1");
        foreach (var site in new[] { first, second })
            using (await host.PostJsonAsync("/webhooks/issue-updated", """{"webhookEvent":"jira:issue_updated","issue":{"id":"1"}}""", site.Token("POST", "/webhooks/issue-updated"))) { }
        using (await host.PostJsonAsync("/lifecycle/installed", LifecycleBody.For("installed", AddonHost.AppKey, "client-1", "https://acme.atlassian.net", first.SharedSecret).ToJsonString(), null)) { }

        Assert.That(host.Logs.All, Does.Contain("client-1"), "the capture works");
        Assert.That(host.Logs.All, Does.Not.Contain(first.SharedSecret).And.Not.Contain(second.SharedSecret));
    }

    [Test]
    public void Tenant_PrintedForALog_DoesNotShowItsSecret()
    {
        var tenant = new Tenant { ClientKey = "client-1", AppKey = "app", BaseUrl = new Uri("https://acme.atlassian.net"), SharedSecret = "very-secret-value" };
        Assert.That(tenant.ToString(), Does.Contain("client-1").And.Not.Contain("very-secret-value"));
    }
}
