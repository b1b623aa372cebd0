using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Support;
using JiraSim.Model;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// DESIGN §8 "a node killed mid-sync loses nothing", with real processes: a bulk sync of a few hundred issues with
/// comments and attachments runs both ways while the private node, and then the public node, are killed with SIGKILL at
/// a random moment and started again on their data. Everything converges: every twin exactly once, every comment and
/// attachment exactly once. The moments are drawn from a seed printed in the output, so a failure can be replayed.
/// With the private node on Jira Cloud and on Jira Data Center.
/// </summary>
[TestFixture(PrivateJira.Cloud)]
[TestFixture(PrivateJira.DataCenter)]
[NonParallelizable]
public sealed class CrashTests(PrivateJira privateJira)
{
    private const int IssuesOnA = 150;
    private const int IssuesOnB = 100;
    private const int CommentsEach = 2;

    [Test]
    public async Task BulkSyncBothWays_WithBothNodesKilledAtRandomMoments_ConvergesWithEverythingExactlyOnce()
    {
        var seed = Environment.GetEnvironmentVariable("CRASH_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        TestContext.Out.WriteLine($"CRASH_SEED={seed}");
        var random = new Random(seed);
        await using var pair = await SyncPair.StartAsync(publicSettings: new Dictionary<string, string> { ["Sync:CatchUpInterval"] = "00:00:02" }, privateJira: privateJira);

        var onA = Enumerable.Range(1, IssuesOnA).Select(i => Seed(pair, pair.SiteA, pair.PersonA, pair.CreateOnA($"A-bulk {i}", labels: ["bulk"]), i)).ToList();
        var onB = Enumerable.Range(1, IssuesOnB).Select(i => Seed(pair, pair.SiteB, pair.PersonB, pair.CreateOnB($"B-bulk {i}", labels: ["bulk"]), i)).ToList();
        await StartBulkAsync(pair, pair.PublicAdmin(), "api/admin", "project = ACME AND labels = bulk");
        await StartBulkAsync(pair, pair.Console, "api/console", "project = GLX AND labels = bulk");

        var total = IssuesOnA + IssuesOnB;
        var killPrivateAt = random.Next(total / 10, total / 2);
        await Eventually.HoldsAsync(() => Task.FromResult(Arrived(pair) >= killPrivateAt), $"{killPrivateAt} twins before killing the private node", explain: pair.Nodes.Output);
        TestContext.Out.WriteLine($"Killing the private node with {Arrived(pair)} twins made");
        await pair.Nodes.KillAndRestartPrivateAsync();

        var killPublicAt = random.Next(Math.Min(Arrived(pair) + 10, total - 10), total - 5);
        await Eventually.HoldsAsync(() => Task.FromResult(Arrived(pair) >= killPublicAt), $"{killPublicAt} twins before killing the public node",
            limit: TimeSpan.FromMinutes(3), explain: pair.Nodes.Output);
        TestContext.Out.WriteLine($"Killing the public node with {Arrived(pair)} twins made");
        await pair.Nodes.KillAndRestartPublicAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(Complete(pair.SiteB, onA) && Complete(pair.SiteA, onB)),
            "every issue, comment and attachment arrived", limit: TimeSpan.FromMinutes(5), explain: pair.Nodes.Output);
        await pair.SettledAsync();

        Assert.Multiple(() =>
        {
            foreach (var (site, sources) in new[] { (pair.SiteB, onA), (pair.SiteA, onB) })
                foreach (var source in sources)
                {
                    var twins = SyncPair.IssuesWithSummary(site, source.Summary);
                    Assert.That(twins, Has.Count.EqualTo(1), $"{source.Summary}: one twin on {site.Key}");
                    if (twins.Count != 1)
                        continue;
                    lock (site.Sync)
                    {
                        Assert.That(twins[0].Comments, Has.Count.EqualTo(CommentsEach), $"{source.Summary}: each comment once");
                        Assert.That(twins[0].Attachments, Has.Count.EqualTo(1), $"{source.Summary}: the attachment once");
                    }
                }
            Assert.That(Count(pair.SiteA, "ACME"), Is.EqualTo(IssuesOnA + IssuesOnB), "site A: its own issues and one twin of each of B's");
            Assert.That(Count(pair.SiteB, "GLX"), Is.EqualTo(IssuesOnA + IssuesOnB), "site B likewise");
        });
    }

    private static SimIssue Seed(SyncPair pair, SimSite site, SimUser person, SimIssue issue, int i)
    {
        for (var c = 1; c <= CommentsEach; c++)
            site.AddComment(person, issue, site == pair.SiteB ? pair.TextOnB($"Comment {c} on {issue.Summary}") : SyncPair.Adf($"Comment {c} on {issue.Summary}"));
        site.AddAttachment(person, issue, $"evidence-{i}.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes($"evidence {i} of {issue.Summary}"));
        return issue;
    }

    internal static async Task StartBulkAsync(SyncPair pair, HttpClient api, string prefix, string jql)
    {
        using (api == pair.Console ? null : api)
        {
            using var added = await api.PostAsJsonAsync($"{prefix}/connections/{pair.ConnectionId}/triggers", new { jql });
            var trigger = JsonNode.Parse(await added.Content.ReadAsStringAsync())!;
            Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), trigger.ToJsonString());
            using var started = await api.PostAsync($"{prefix}/connections/{pair.ConnectionId}/triggers/{(string)trigger["id"]!}/bulk", null);
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }
    }

    /// <summary>Twins made so far, both ways (issues in each project beyond its own).</summary>
    private static int Arrived(SyncPair pair) => Count(pair.SiteB, "GLX") - IssuesOnB + Count(pair.SiteA, "ACME") - IssuesOnA;

    internal static int Count(SimSite site, string projectKey)
    {
        lock (site.Sync)
        {
            var project = site.FindProject(projectKey)!;
            return site.Issues.Values.Count(i => i.ProjectId == project.Id);
        }
    }

    private static bool Complete(SimSite site, IReadOnlyList<SimIssue> sources)
    {
        foreach (var source in sources)
        {
            var twins = SyncPair.IssuesWithSummary(site, source.Summary);
            if (twins.Count == 0)
                return false;
            lock (site.Sync)
                if (twins.Any(t => t.Comments.Count < CommentsEach || t.Attachments.Count < 1))
                    return false;
        }
        return true;
    }
}
