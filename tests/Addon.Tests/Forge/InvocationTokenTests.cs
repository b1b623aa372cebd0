using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ConnectAddon.Forge.Jwt;
using ConnectAddon.Tests.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Forge;

/// <summary>
/// Forge Invocation Tokens as the back end checks them ("Forge Remote essentials"): signed by a key Forge publishes,
/// with that key's algorithm, issuer forge/invocation-token, audience this app, within its lifetime. Anything else is a
/// 401 with the reason, never a 5xx, changes nothing, and costs Forge's key server at most one more request.
/// WireMock plays Forge's JWKS, so a test can rotate the keys and count the fetches.
/// </summary>
public class InvocationTokenTests
{
    private const string Installation = "ari:cloud:ecosystem::installation/7d3a2b10-0000-4000-8000-000000000001";
    private static readonly Uri Api = new("https://api.atlassian.example/ex/jira/cloud-1");
    private ForgeSigningKey key = null!;
    private WireMockServer jwks = null!;
    private ManualClock clock = null!;
    private AddonHost host = null!;
    private WebApplicationFactory<Program> app = null!;

    // One node for the refusals (none may leave anything behind) on a clock the test moves.
    [OneTimeSetUp]
    public void Start()
    {
        key = new ForgeSigningKey();
        jwks = WireMockServer.Start();
        Publish(key);
        clock = new ManualClock(DateTimeOffset.UtcNow);
        host = new AddonHost(new() { ["Forge:AppId"] = ForgeHarness.AppUuid, ["Forge:JwksUrl"] = jwks.Url + "/.well-known/jwks.json" });
        app = host.WithWebHostBuilder(web => web.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        app.Dispose();
        host.Dispose();
        jwks.Stop();
        jwks.Dispose();
        key.Dispose();
    }

    // Past the key set's pause between fetches: each test starts as if the keys were read long ago.
    [SetUp]
    public void LaterThanTheLastFetch() => clock.Advance(ForgeKeySet.MinRefetchInterval + TimeSpan.FromSeconds(1));

    private void Publish(params ForgeSigningKey[] keys)
    {
        jwks.Reset();
        jwks.Given(Request.Create().WithPath("/.well-known/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(ForgeSigningKey.Jwks(keys)));
    }

    private int JwksFetches => jwks.LogEntries.Count();

    private JsonObject Claims(DateTimeOffset? now = null) =>
        ForgeSigningKey.Claims(ForgeHarness.AppAri, Installation, Api, "cloud-1", "core:trigger", "installation", now ?? clock.GetUtcNow());

    private async Task<HttpResponseMessage> LifecycleAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/forge/lifecycle")
        {
            Content = new StringContent("""{"eventType":"avi:forge:installed:app"}""", Encoding.UTF8, "application/json"),
        };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.CreateClient().SendAsync(request);
    }

    [Test]
    public async Task ATokenForgeSigned_ForThisApp_IsAccepted_AndRecordsTheSitesInstallation()
    {
        using var response = await LifecycleAsync(key.Sign(Claims()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That(await host.ScalarAsync<string>("SELECT forge_installation_id FROM tenants WHERE client_key = 'forge:cloud-1'"), Is.EqualTo(Installation));
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        TestCaseData Case(string name, Func<InvocationTokenTests, string> token, string reason) => new TestCaseData(token, reason).SetName(name);

        yield return Case("A token signed by another key under Forge's kid is refused", t =>
        {
            return TokenMinter.Rs256(Stranger.Rsa, t.key.Kid, t.Claims());
        }, "signature");
        yield return Case("An expired token is refused", t => t.key.Sign(t.Claims(t.clock.GetUtcNow().AddMinutes(-5))), "expired");
        yield return Case("A token not valid yet is refused", t => t.key.Sign(t.Claims(t.clock.GetUtcNow().AddMinutes(5))), "not valid yet");
        yield return Case("A token for another app is refused", t =>
        {
            var claims = t.Claims();
            claims["aud"] = "ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555";
            return t.key.Sign(claims);
        }, "another Forge app");
        yield return Case("A token from another issuer is refused", t =>
        {
            var claims = t.Claims();
            claims["iss"] = "someone/else";
            return t.key.Sign(claims);
        }, "issuer");
        yield return Case("A token with alg none is refused", t => TokenMinter.WithHeader(new JsonObject { ["alg"] = "none", ["kid"] = "x" }, t.Claims(), []), "key");
        yield return Case("An unsigned token naming Forge's key is refused", t => TokenMinter.WithHeader(new JsonObject { ["alg"] = "none", ["kid"] = t.key.Kid }, t.Claims(), []), "RS256");
        yield return Case("A token signed HS256 with Forge's public key as secret is refused", t =>
            TokenMinter.WithHeader(new JsonObject { ["alg"] = "HS256", ["kid"] = t.key.Kid }, t.Claims(), Encoding.UTF8.GetBytes(t.key.Jwk().ToJsonString())), "RS256");
        yield return Case("A token naming a key Forge does not publish is refused", t => TokenMinter.Rs256(Stranger.Rsa, "forge/invocation-token/unknown", t.Claims()), "key Forge does not publish");
        yield return Case("A token without an installation is refused", t =>
        {
            var claims = t.Claims();
            claims["app"]!.AsObject().Remove("installationId");
            return t.key.Sign(claims);
        }, "installation");
        yield return Case("A token whose app.id is not its audience is refused", t =>
        {
            var claims = t.Claims();
            claims["app"]!["id"] = "ari:cloud:ecosystem::app/11111111-2222-4333-8444-555555555555";
            return t.key.Sign(claims);
        }, "installation");
        yield return Case("A Connect JWT is refused", _ => "JWT-like." + TokenMinter.Hs256("secret-secret-secret-secret", TokenMinter.Claims("client", "qsh")), "malformed");
        yield return Case("No token is refused", _ => "", "No Forge Invocation Token");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task AnythingButAValidToken_Is401WithTheReason_AndChangesNothing(Func<InvocationTokenTests, string> token, string reason)
    {
        var before = await host.SnapshotAsync();
        using var response = await LifecycleAsync(token(this));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, reason);
        Assert.That(await host.SnapshotAsync(), Is.EqualTo(before));
    }

    // A key of no one's: what an attacker signs with.
    private static readonly ForgeSigningKey Stranger = new();

    [Test]
    public async Task ANodeWithoutForgeAppId_RefusesEveryForgeCall_SayingWhy()
    {
        using var plain = new AddonHost();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/forge/events") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Sign(Claims()));

        using var response = await plain.CreateClient().SendAsync(request);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "Forge:AppId");
    }

    [Test]
    public async Task TokensNamingUnknownKeys_CostForgesKeyServerOneFetch_NotOneEach()
    {
        using (var first = await LifecycleAsync(key.Sign(Claims())))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var fetched = JwksFetches;

        for (var i = 0; i < 50; i++)
        {
            using var refused = await LifecycleAsync(TokenMinter.Rs256(Stranger.Rsa, "forge/invocation-token/made-up-" + i, Claims()));
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        Assert.That(JwksFetches - fetched, Is.LessThanOrEqualTo(1), "refetched at most once within ForgeKeySet.MinRefetchInterval");
    }

    [Test]
    public async Task WhenForgeRotatesItsKeys_ATokenOfTheNewKey_IsAcceptedAfterOneFetch()
    {
        using (var first = await LifecycleAsync(key.Sign(Claims())))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var rotated = new ForgeSigningKey();
        Publish(key, rotated);
        clock.Advance(ForgeKeySet.MinRefetchInterval + TimeSpan.FromSeconds(1)); // Forge uses a new key long after publishing it

        using var response = await LifecycleAsync(rotated.Sign(Claims()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        Assert.That(JwksFetches, Is.EqualTo(1), "the new key was fetched once (the log restarted with the rotation)");
    }

    [Test]
    public async Task ForgesKeyServerDown_BeforeAnyKeyWasRead_Is503_SoForgeTriesAgain()
    {
        using var down = WireMockServer.Start();
        down.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(500));
        using var fresh = new AddonHost(new() { ["Forge:AppId"] = ForgeHarness.AppUuid, ["Forge:JwksUrl"] = down.Url + "/.well-known/jwks.json" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/forge/lifecycle") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Sign(Claims(DateTimeOffset.UtcNow)));

        using var response = await fresh.CreateClient().SendAsync(request);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.ServiceUnavailable, "signing keys");
        Assert.That(await fresh.ScalarAsync<long>("SELECT COUNT(*) FROM tenants"), Is.Zero);
    }
}
