using System.Text.Json.Nodes;
using EndToEnd.Tests.Support;
using JiraSim.Model;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// The public node as three processes on one PostgreSQL database behind a reverse proxy on loopback (README, "Running
/// on PostgreSQL and several processes"): Jira's events, the pages' calls and the private node's exchange reach
/// whichever process the proxy picks. A bulk run of 300 issues (each with comments and an attachment) is carried on
/// while the process holding it is killed with SIGKILL, and comments are added meanwhile: another process takes the
/// run over when its lease ends, and every issue, comment and attachment arrives exactly once.
/// </summary>
[NonParallelizable]
public sealed class ScaleOutTests
{
    private const int Issues = 300;
    private const int Commented = 10;

    [Test]
    public async Task ThreePublicProcesses_OneKilledDuringABulkRun_LoseNothing_DoubleNothing_AndTheRunCompletes()
    {
        await using var pair = await SyncPair.StartAsync(publicNodes: 3, publicSettings: new Dictionary<string, string>
        {
            // After each page of 100 the run waits until fewer than 10 of its issues wait to be read: it stays open for
            // seconds after its first page, and its holder is killed in that time.
            ["Sync:BulkQueuedLimit"] = "10",
        });
        // Forge retries an event the dead process failed 60 s later; sooner here, so the test settles in its time.
        pair.Nodes.Jira.Forge.Policy = new JiraSim.Forge.ForgeCallPolicy { RetryDelay = TimeSpan.FromSeconds(3) };
        var sources = Enumerable.Range(1, Issues).Select(i => Seed(pair, pair.CreateOnA($"Scale-out {i}", labels: ["bulk"]), i)).ToList();
        await CrashTests.StartBulkAsync(pair, pair.PublicAdmin(), "api/admin", "project = ACME AND labels = bulk");

        string? holder = null;
        await Eventually.HoldsAsync(async () => (holder = await OpenRunHolderAsync(pair, pageDone: 100)) is not null,
            "the run's first page done, the run open and held", explain: pair.Nodes.Output);
        var killed = pair.Nodes.Publics.Single(p => holder!.Split('/')[1] == p.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TestContext.Out.WriteLine($"Killing public process {killed.ProcessId}, which holds the bulk run, with {CrashTests.Count(pair.SiteB, "GLX")} twins made");
        await killed.KillAsync();

        // Meanwhile people go on working: their comments reach whichever process is left.
        foreach (var source in sources.Take(Commented))
            pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf($"Added while a process was down, on {source.Summary}"));

        await Eventually.HoldsAsync(() => Task.FromResult(Complete(pair.SiteB, sources)), "every issue, comment and attachment arrived",
            limit: TimeSpan.FromMinutes(5), explain: pair.Nodes.Output);
        await pair.SettledAsync();
        // The issues may all be there before the run is: the catch-up finds issues its trigger matches, and the run
        // waits for its dead holder's lease to end before another process goes on with it.
        JsonNode? trigger = null;
        await Eventually.HoldsAsync(async () => (trigger = (await TriggersAsync(pair)).Single())!["bulkRunning"]!.GetValue<bool>() == false,
            "another process completed the run", explain: pair.Nodes.Output);

        Assert.Multiple(() =>
        {
            Assert.That(trigger!["bulkRunning"]!.GetValue<bool>(), Is.False, "the run completed");
            Assert.That(trigger["bulkError"], Is.Null);
            Assert.That(trigger["bulkMatched"]!.GetValue<long>(), Is.EqualTo(Issues), "its count went on across the takeover");
            foreach (var (source, i) in sources.Select((s, i) => (s, i)))
            {
                var twins = SyncPair.IssuesWithSummary(pair.SiteB, source.Summary);
                Assert.That(twins, Has.Count.EqualTo(1), $"{source.Summary}: one twin");
                if (twins.Count != 1)
                    continue;
                lock (pair.SiteB.Sync)
                {
                    Assert.That(twins[0].Comments, Has.Count.EqualTo(i < Commented ? 3 : 2), $"{source.Summary}: each comment once");
                    Assert.That(twins[0].Attachments, Has.Count.EqualTo(1), $"{source.Summary}: the attachment once");
                }
            }
            Assert.That(CrashTests.Count(pair.SiteB, "GLX"), Is.EqualTo(Issues), "no other issue made on B");
        });
    }

    private static SimIssue Seed(SyncPair pair, SimIssue issue, int i)
    {
        for (var c = 1; c <= 2; c++)
            pair.SiteA.AddComment(pair.PersonA, issue, SyncPair.Adf($"Comment {c} on {issue.Summary}"));
        pair.SiteA.AddAttachment(pair.PersonA, issue, $"scale-{i}.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes($"scale {i}"));
        return issue;
    }

    private static bool Complete(SimSite site, IReadOnlyList<SimIssue> sources)
    {
        foreach (var (source, i) in sources.Select((s, i) => (s, i)))
        {
            var twins = SyncPair.IssuesWithSummary(site, source.Summary);
            if (twins.Count == 0)
                return false;
            lock (site.Sync)
                if (twins.Any(t => t.Comments.Count < (i < Commented ? 3 : 2) || t.Attachments.Count < 1))
                    return false;
        }
        return true;
    }

    /// <summary>The process carrying the open bulk run on ("machine/pid/…") once it counted <paramref name="pageDone"/> issues, as the database says; null before.</summary>
    private static async Task<string?> OpenRunHolderAsync(SyncPair pair, int pageDone)
    {
        await using var db = await pair.Nodes.PublicDatabase!.OpenAsync();
        await using var query = db.CreateCommand();
        query.CommandText = $"SELECT bulk_holder FROM sync_triggers WHERE bulk_started_at_ms IS NOT NULL AND bulk_finished_at_ms IS NULL AND bulk_matched >= {pageDone}";
        return await query.ExecuteScalarAsync() as string;
    }

    private static async Task<JsonArray> TriggersAsync(SyncPair pair)
    {
        using var admin = pair.PublicAdmin();
        var sync = JsonNode.Parse(await admin.GetStringAsync($"api/admin/connections/{pair.ConnectionId}/sync"))!;
        return sync["triggers"]!.AsArray();
    }
}
