using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ConnectAddon.Tests.Connect.Lifecycle;

/// <summary>
/// Every way an install can be forged or malformed, refused with a reason before anything is stored, and the install
/// key server's failures. What an install stores, on either store, is in <see cref="InstallTests"/>.
/// </summary>
public class InstallRefusalTests
{
    private AddonHost host = null!;

    [SetUp]
    public void Start() => host = new AddonHost();

    [TearDown]
    public void Stop() => host.Dispose();

    private static JsonObject InstalledBody(string clientKey = "client-1", string? secret = null) => InstallTests.InstalledBody(clientKey, secret);

    private Task<HttpResponseMessage> Webhook(JiraSite site) => InstallTests.Webhook(host, site);

    private static IEnumerable<TestCaseData> ForgedInstalls()
    {
        TestCaseData Case(string name, Func<AddonHost, JsonObject, Task<HttpResponseMessage>> send, HttpStatusCode status, string reason) =>
            new TestCaseData(send, status, reason).SetName(name);

        yield return Case("An unsigned install is refused", (h, b) => h.PostJsonAsync("/lifecycle/installed", b.ToJsonString(), null), HttpStatusCode.Unauthorized, "signed");
        yield return Case("An install with alg none is refused",
            (h, b) => h.SendInstallAsync("installed", b, TokenMinter.Unsigned(TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed")))), HttpStatusCode.Unauthorized, "RS256");
        yield return Case("An install signed HS256 with the body's own secret is refused",
            (h, b) => h.SendInstallAsync("installed", b, TokenMinter.Hs256(b["sharedSecret"]!.GetValue<string>(), TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed")))), HttpStatusCode.Unauthorized, "RS256");
        yield return Case("An install signed HS256 with the public key as secret is refused (RS/HS confusion)",
            (h, b) => h.SendInstallAsync("installed", b, TokenMinter.WithHeader(new JsonObject { ["alg"] = "HS256", ["kid"] = h.InstallKey.Kid },
                TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed")), Encoding.UTF8.GetBytes(h.InstallKey.PublicKeyPem))), HttpStatusCode.Unauthorized, "RS256");
        yield return Case("An install signed by a key the key server does not hold is refused", (h, b) =>
        {
            using var stranger = new InstallKeyPair(h.InstallKey.Kid);
            var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
            claims["aud"] = AddonHost.BaseUrl;
            return h.SendInstallAsync("installed", b, TokenMinter.Rs256(stranger.Rsa, h.InstallKey.Kid, claims));
        }, HttpStatusCode.Unauthorized, "signature");
        yield return Case("An install whose kid is unknown to the key server is refused", (h, b) =>
        {
            using var unknown = new InstallKeyPair("unknown-kid");
            var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
            claims["aud"] = AddonHost.BaseUrl;
            return h.SendInstallAsync("installed", b, TokenMinter.Rs256(unknown.Rsa, unknown.Kid, claims));
        }, HttpStatusCode.Unauthorized, "no key");
        yield return Case("An install with a kid that is no key id is refused", (h, b) =>
        {
            var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
            return h.SendInstallAsync("installed", b, TokenMinter.Rs256(h.InstallKey.Rsa, "../../etc/passwd?x=1", claims));
        }, HttpStatusCode.Unauthorized, "kid");
        yield return Case("An install for another app's audience is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c["aud"] = "https://evil.example"; return c; }), HttpStatusCode.Unauthorized, "aud");
        yield return Case("An install without audience is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c.Remove("aud"); return c; }), HttpStatusCode.Unauthorized, "aud");
        yield return Case("An install whose iss is not the body's clientKey is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c["iss"] = "client-2"; return c; }), HttpStatusCode.Unauthorized, "clientKey");
        yield return Case("An expired install is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(); return c; }), HttpStatusCode.Unauthorized, "expired");
        yield return Case("An install with the qsh of another route is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c["qsh"] = Qsh.Of("POST", "/lifecycle/uninstalled"); return c; }), HttpStatusCode.Unauthorized, "qsh");
        yield return Case("An install with a context token qsh is refused",
            (h, b) => h.SendInstallAsync("installed", b, claims: c => { c["qsh"] = "context-qsh"; return c; }), HttpStatusCode.Unauthorized, "context");
        yield return Case("An install body with the uninstalled eventType is refused",
            (h, b) => { b["eventType"] = "uninstalled"; return h.SendInstallAsync("installed", b); }, HttpStatusCode.BadRequest, "eventType");
        yield return Case("An install for another app key is refused",
            (h, b) => { b["key"] = "someone-elses-app"; return h.SendInstallAsync("installed", b); }, HttpStatusCode.BadRequest, "key");
        yield return Case("An install without sharedSecret is refused",
            (h, b) => { b.Remove("sharedSecret"); return h.SendInstallAsync("installed", b); }, HttpStatusCode.BadRequest, "sharedSecret");
        yield return Case("An install without clientKey is refused",
            (h, b) => { b.Remove("clientKey"); return h.SendInstallAsync("installed", b); }, HttpStatusCode.BadRequest, "clientKey");
        yield return Case("An install with a baseUrl that is no URL is refused",
            (h, b) => { b["baseUrl"] = "javascript:alert(1)"; return h.SendInstallAsync("installed", b); }, HttpStatusCode.BadRequest, "baseUrl");
        yield return Case("An install with malformed JSON is refused", (h, b) =>
        {
            var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
            claims["aud"] = AddonHost.BaseUrl;
            return h.PostJsonAsync("/lifecycle/installed", "{\"clientKey\": \"client-1\",", TokenMinter.Rs256(h.InstallKey.Rsa, h.InstallKey.Kid, claims));
        }, HttpStatusCode.BadRequest, "not valid JSON");
        yield return Case("An oversized install body is refused",
            (h, b) => { b["description"] = new string('x', 100_000); return h.SendInstallAsync("installed", b); }, HttpStatusCode.RequestEntityTooLarge, "at most");
        yield return Case("An install signed as a webhook from Jira (HS256 with the secret in the body) is refused on uninstall too",
            (h, b) => h.SendInstallAsync("uninstalled", LifecycleBody.For("uninstalled", AddonHost.AppKey, "client-1", "https://acme.atlassian.net"),
                TokenMinter.Hs256("secret-secret-secret-secret-secret-secret", TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/uninstalled")))), HttpStatusCode.Unauthorized, "RS256");
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("%2E%2E")]
    [TestCase("keys/../..")]
    [TestCase("/")]
    [TestCase(".hidden")]
    [TestCase("key\n")]
    public async Task InstallWhoseKidIsNotOneKeyId_IsRefusedBeforeTheKeyServerIsAsked(string kid)
    {
        var before = host.KeyServer.LogEntries.Count();
        var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
        claims["aud"] = AddonHost.BaseUrl;

        using var response = await host.SendInstallAsync("installed", InstalledBody(), TokenMinter.Rs256(host.InstallKey.Rsa, kid, claims));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "kid");
        Assert.That(host.KeyServer.LogEntries.Count(), Is.EqualTo(before), "no URL was built from it: the key server's root was not fetched");
    }

    [Test]
    public async Task InstallsWithMadeUpKids_AskTheKeyServerAFewTimesAMinute_NotOnceEach()
    {
        var before = host.KeyServer.LogEntries.Count();
        var answers = new List<int>();
        JsonObject Claims()
        {
            var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
            claims["aud"] = AddonHost.BaseUrl;
            return claims;
        }
        for (var i = 0; i < 60; i++)
        {
            using var response = await host.SendInstallAsync("installed", InstalledBody(), TokenMinter.Rs256(host.InstallKey.Rsa, "made-up-kid-" + i, Claims()));
            answers.Add((int)response.StatusCode);
        }
        // The same made-up kid again is known to be no key: not asked about again.
        using (var again = await host.SendInstallAsync("installed", InstalledBody(), TokenMinter.Rs256(host.InstallKey.Rsa, "made-up-kid-0", Claims())))
            answers.Add((int)again.StatusCode);

        Assert.That(host.KeyServer.LogEntries.Count() - before, Is.LessThanOrEqualTo(ConnectAddon.Connect.Jwt.InstallKeyProvider.FetchesPerMinute));
        Assert.That(answers, Is.All.AnyOf(401, 503), "refused as not signed by a key, or to be tried again later; never 5xx of our own");
        Assert.That(answers[^1], Is.EqualTo(401));
    }

    [TestCaseSource(nameof(ForgedInstalls))]
    public async Task ForgedOrMalformedInstall_IsRefusedWithAReasonAndChangesNothing(
        Func<AddonHost, JsonObject, Task<HttpResponseMessage>> send, HttpStatusCode status, string reason)
    {
        var before = await host.SnapshotAsync();
        using var response = await send(host, InstalledBody());
        await ApiErrorAssert.IsRefusal(response, status, reason);
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task ForgedInstall_CannotReplaceAnInstalledTenantsSecret()
    {
        var site = await host.InstallAsync("client-1");
        using (var forged = await host.PostJsonAsync("/lifecycle/installed", InstalledBody("client-1", "attacker-secret-attacker-secret-attacker").ToJsonString(),
                   TokenMinter.Hs256(site.SharedSecret, TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed")))))
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var response = await Webhook(site);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task KeyServerFailing_IsA503AskingForARetry_AndChangesNothing()
    {
        using var other = new InstallKeyPair("failing-kid");
        host.KeyServer.Given(Request.Create().WithPath("/failing-kid").UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
        claims["aud"] = AddonHost.BaseUrl;
        var before = await host.SnapshotAsync();

        using var response = await host.SendInstallAsync("installed", InstalledBody(), TokenMinter.Rs256(other.Rsa, other.Kid, claims));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.ServiceUnavailable, "try the install again");
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task KeyServerTooSlow_TimesOutAsA503()
    {
        using var other = new InstallKeyPair("slow-kid");
        host.KeyServer.Given(Request.Create().WithPath("/slow-kid").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(other.PublicKeyPem).WithDelay(TimeSpan.FromSeconds(20)));
        var claims = TokenMinter.Claims("client-1", Qsh.Of("POST", "/lifecycle/installed"));
        claims["aud"] = AddonHost.BaseUrl;

        using var response = await host.SendInstallAsync("installed", InstalledBody(), TokenMinter.Rs256(other.Rsa, other.Kid, claims));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.ServiceUnavailable, "could not be reached");
    }
}
