using System.Net;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Lifecycle;

/// <summary><c>enabled</c> and <c>disabled</c> are signed with the tenant's shared secret, not by the install key server.</summary>
public class EnableDisableTests : InstalledSiteTest
{
    private Task<HttpResponseMessage> Send(string eventType, string token, string? clientKey = null) =>
        host.PostJsonAsync("/lifecycle/" + eventType,
            LifecycleBody.For(eventType, AddonHost.AppKey, clientKey ?? site.ClientKey, site.BaseUrl).ToJsonString(), token);

    [Test]
    public async Task DisabledThenEnabled_SignedWithTheSharedSecret_FlipsTheTenant()
    {
        using (var disabled = await Send("disabled", site.Token("POST", "/lifecycle/disabled")))
            Assert.That(disabled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<long>("SELECT enabled FROM tenants"), Is.Zero);

        using (var enabled = await Send("enabled", site.Token("POST", "/lifecycle/enabled")))
            Assert.That(enabled.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await host.ScalarAsync<long>("SELECT enabled FROM tenants"), Is.EqualTo(1));
    }

    [Test]
    public async Task ContextToken_OnALifecycleRoute_IsRefused()
    {
        var before = await host.SnapshotAsync();
        using var response = await Send("disabled", site.ContextToken());
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "context");
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task BodyNamingAnotherTenant_IsRefused()
    {
        var other = await host.InstallAsync(siteBaseUrl: "https://globex.atlassian.net");
        var before = await host.SnapshotAsync();
        using var response = await Send("disabled", site.Token("POST", "/lifecycle/disabled"), clientKey: other.ClientKey);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "clientKey");
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task MismatchedEventType_Is400()
    {
        var before = await host.SnapshotAsync();
        using var response = await host.PostJsonAsync("/lifecycle/disabled",
            LifecycleBody.For("enabled", AddonHost.AppKey, site.ClientKey, site.BaseUrl).ToJsonString(), site.Token("POST", "/lifecycle/disabled"));
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "eventType");
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task EnabledForAnUnknownTenant_Is401()
    {
        using var response = await host.PostJsonAsync("/lifecycle/enabled",
            LifecycleBody.For("enabled", AddonHost.AppKey, "unknown", site.BaseUrl).ToJsonString(),
            TokenMinter.Hs256(site.SharedSecret, TokenMinter.Claims("unknown", Qsh.Of("POST", "/lifecycle/enabled"))));
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "not an installed tenant");
    }
}
