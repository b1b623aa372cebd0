using System.Text.Json.Nodes;
using JiraSim.Faults;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Faults;

public class FaultInjectionTests : SimulatorTest
{
    [Test]
    public async Task RateLimitFault_Answers429WithRetryAfterAndReason_ThenRecovers()
    {
        jira.Faults("site-a").Add(FaultRule.RateLimited("GET /rest/api/3/myself", retryAfterSeconds: 7, reason: "jira-quota-tenant-based"));
        var admin = jira.Admin("site-a");

        using var limited = await admin.GetAsync(SimClients.V3("myself"));
        using var recovered = await admin.GetAsync(SimClients.V3("myself"));

        Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(limited.Headers.GetValues("RateLimit-Reason").Single(), Is.EqualTo("jira-quota-tenant-based"));
        Assert.That((int)recovered.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task ServerErrorFault_AppliesOnlyToItsEndpointAndItsCount()
    {
        jira.Faults("site-a").Add(FaultRule.ServerError("POST /rest/api/3/issue", 503, times: 2));
        var admin = jira.Admin("site-a");
        var create = new JsonObject { ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "ACME" }, ["issuetype"] = new JsonObject { ["name"] = "Task" }, ["summary"] = "x" } };

        var (other, _) = await admin.SendJson(HttpMethod.Get, SimClients.V3("myself"));
        var (first, _) = await admin.SendJson(HttpMethod.Post, SimClients.V3("issue"), create.DeepClone());
        var (second, _) = await admin.SendJson(HttpMethod.Post, SimClients.V3("issue"), create.DeepClone());
        var (third, _) = await admin.SendJson(HttpMethod.Post, SimClients.V3("issue"), create.DeepClone());

        Assert.That((other, first, second, third), Is.EqualTo((200, 503, 503, 201)));
        Assert.That(jira.Site("site-a").Issues, Has.Count.EqualTo(1), "a refused create creates nothing");
    }

    [Test]
    public async Task PerIssueWriteLimit_Answers429OnTheTwentyFirstWriteWithinTwoSeconds_AndAllowsWritesAgainLater()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var timed = await JiraSimulator.StartAsync(clock: clock);
        var admin = timed.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Hot issue");
        var other = await admin.CreateIssue("ACME", "Task", "Quiet issue");
        timed.Faults("site-a").PerIssueWriteLimit = true;
        JsonObject Edit(int i) => new() { ["fields"] = new JsonObject { ["summary"] = "v" + i } };

        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
            statuses.Add((await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}"), Edit(i))).Item1);
        using var limited = await admin.PutAsync(SimClients.V3($"issue/{key}"), System.Net.Http.Json.JsonContent.Create(Edit(20)));
        var (otherIssue, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{other}"), Edit(0));
        clock.Advance(TimeSpan.FromSeconds(3));
        var (later, _) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}"), Edit(21));

        Assert.That(statuses, Is.All.EqualTo(204));
        Assert.That((int)limited.StatusCode, Is.EqualTo(429));
        Assert.That(limited.Headers.GetValues("RateLimit-Reason").Single(), Is.EqualTo("jira-per-issue-on-write"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
        Assert.That(otherIssue, Is.EqualTo(204), "the limit is per issue");
        Assert.That(later, Is.EqualTo(204));
    }

    [Test]
    public async Task RequestCounter_CountsPerEndpointPattern()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Counted");
        await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}"));
        await admin.SendJson(HttpMethod.Get, SimClients.V3("issue/ACME-999"));

        var requests = jira.Site("site-a").Requests;
        Assert.That(requests["POST /rest/api/3/issue"], Is.EqualTo(1));
        Assert.That(requests["GET /rest/api/3/issue/{issueIdOrKey}"], Is.EqualTo(2));
        Assert.That(requests.Writes, Is.EqualTo(1));
    }
}
