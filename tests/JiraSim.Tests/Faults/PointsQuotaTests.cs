using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Faults;

/// <summary>
/// The apps' hourly points quota as Atlassian's "Rate limiting" page counts it: 1 point a request, plus one per object
/// a read returns; refused with 429 once spent until the top of the UTC hour; API tokens not metered.
/// </summary>
public class PointsQuotaTests
{
    private const string AppKey = "quota-app";
    private const string Secret = "a-shared-secret-that-is-long-enough-for-hs256";
    private ManualClock clock = null!;
    private JiraSimulator jira = null!;

    [SetUp]
    public async Task Start()
    {
        clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 14, 40, 0, TimeSpan.Zero));
        jira = await JiraSimulator.StartAsync(clock: clock);
        var site = jira.Site("site-a");
        site.AddUser(new SimUser { AccountId = "557058:quota-app", DisplayName = "Quota app", AccountType = "app" });
        lock (site.Sync)
            site.Apps[AppKey] = new SimApp { Key = AppKey, BaseUrl = new Uri("https://app.example"), SharedSecret = Secret, UserAccountId = "557058:quota-app", Descriptor = [] };
    }

    [TearDown]
    public async Task Stop() => await jira.DisposeAsync();

    private async Task<HttpResponseMessage> AsApp(HttpMethod method, string path, JsonNode? body = null)
    {
        var client = jira.Anonymous("site-a");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("JWT",
            TokenMinter.Hs256(Secret, TokenMinter.Claims(AppKey, Qsh.Of(method.Method, "/" + path.Split('?')[0]))));
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    [Test]
    public async Task Points_AreTheBaseCostPlusEachObjectRead_AndWritesCostOne()
    {
        var quota = jira.State.PlayQuota(1000);
        var key = await jira.Admin("site-a").CreateIssue("ACME", "Task", "Metered");
        Assert.That(quota.Spent("site-a"), Is.Zero, "an API token is not metered");

        (await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"))).Dispose();
        Assert.That(quota.Spent("site-a"), Is.EqualTo(2), "1 (base) + 1 issue, Atlassian's own example");
        (await AsApp(HttpMethod.Put, SimClients.V3($"issue/{key}"), new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Edited" } })).Dispose();
        Assert.That(quota.Spent("site-a"), Is.EqualTo(3), "a write costs the base only");
        using var found = await AsApp(HttpMethod.Post, SimClients.V3("search/jql"), new JsonObject { ["jql"] = "project = ACME", ["fields"] = new JsonArray("summary") });
        Assert.That(found.Headers.GetValues("Beta-RateLimit").Single(), Is.EqualTo("\"global-app-quota\";r=997;t=1200"));
        Assert.That(found.Headers.GetValues("Beta-RateLimit-Policy").Single(), Is.EqualTo("\"global-app-quota\";q=1000;w=3600"));
        var issues = JsonNode.Parse(await found.Content.ReadAsStringAsync())!["issues"]!.AsArray().Count;
        Assert.That(quota.Spent("site-a"), Is.EqualTo(3 + 1 + issues), "a search: 1 + one per issue returned");
    }

    [Test]
    public async Task ASpentQuota_Refuses_UntilTheTopOfTheHour_ThenServesAgain()
    {
        jira.State.PlayQuota(5);
        var key = await jira.Admin("site-a").CreateIssue("ACME", "Task", "Metered");
        for (var i = 0; i < 3; i++)
            (await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"))).Dispose(); // 2, 4, 6 points

        using var refused = await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        Assert.That((int)refused.StatusCode, Is.EqualTo(429));
        Assert.That(refused.Headers.GetValues("RateLimit-Reason").Single(), Is.EqualTo("jira-quota-global-based"));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(20)));
        Assert.That(refused.Headers.GetValues("X-RateLimit-Reset").Single(), Is.EqualTo("2026-12-04T15:00:00Z"));
        using var byToken = await jira.Admin("site-a").GetAsync(SimClients.V3($"issue/{key}"));
        Assert.That((int)byToken.StatusCode, Is.EqualTo(200), "API-token traffic is not affected");

        clock.Advance(TimeSpan.FromMinutes(20));
        using var nextHour = await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        Assert.That((int)nextHour.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task AShorterWindow_ResetsAtItsOwnBoundaries_AndSaysSoInThePolicy()
    {
        jira.State.PlayQuota(5, window: TimeSpan.FromMinutes(1)); // the clock is at 14:40:00, a window's start
        var key = await jira.Admin("site-a").CreateIssue("ACME", "Task", "Metered");
        clock.Advance(TimeSpan.FromSeconds(15));
        using (var first = await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}")))
        {
            Assert.That(first.Headers.GetValues("Beta-RateLimit-Policy").Single(), Is.EqualTo("\"global-app-quota\";q=5;w=60"));
            Assert.That(first.Headers.GetValues("Beta-RateLimit").Single(), Is.EqualTo("\"global-app-quota\";r=5;t=45"));
        }
        for (var i = 0; i < 2; i++)
            (await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"))).Dispose(); // 4, 6 points

        using var refused = await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        Assert.That((int)refused.StatusCode, Is.EqualTo(429));
        Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(45)));
        Assert.That(refused.Headers.GetValues("X-RateLimit-Reset").Single(), Is.EqualTo("2026-12-04T14:41:00Z"));

        clock.Advance(TimeSpan.FromSeconds(45));
        using var nextWindow = await AsApp(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        Assert.That((int)nextWindow.StatusCode, Is.EqualTo(200));
    }
}
