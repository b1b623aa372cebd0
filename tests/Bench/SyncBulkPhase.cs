using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using JiraSim.Model;

namespace ConnectAddon.Bench;

/// <summary>
/// Phase 5, bulk throughput: M issues on site A, each with C comments and one attachment of random bytes, labelled
/// <c>bulk</c>; then a trigger <c>project = ACME AND labels = bulk</c> and its bulk run, timed from the request until
/// every issue has a twin on the private side (site B, or site-dc) with all its comments and the attachment. Then, once settled, each issue must have
/// exactly one twin with exactly its comments and a byte-exact attachment: a fast run that duplicates is no result.
/// </summary>
public sealed class SyncBulkPhase(SyncNodes nodes, SyncBenchOptions options)
{
    /// <summary>The reference product's published figure, for comparison.</summary>
    public const double ReferenceSecondsPerIssue = 14;
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(15);

    public async Task RunAsync(CancellationToken cancel)
    {
        Console.WriteLine();
        Console.WriteLine($"5. Bulk throughput: {options.Bulk} issues on site A with {options.Comments} comments and one {options.AttachmentKib} KiB attachment each, " +
            "synced by a trigger's bulk run");
        var preparing = Stopwatch.StartNew();
        var sources = new List<(SimIssue Issue, byte[] Bytes)>(options.Bulk);
        for (var i = 1; i <= options.Bulk; i++)
        {
            var issue = SiteContent.CreateIssue(nodes.SiteA, nodes.PersonA, "ACME", $"Bulk {i}", ["bulk"]);
            for (var c = 1; c <= options.Comments; c++)
                nodes.SiteA.AddComment(nodes.PersonA, issue, SiteContent.Adf($"Comment {c} on Bulk {i}"));
            var bytes = RandomNumberGenerator.GetBytes(options.AttachmentKib * 1024);
            if (nodes.SiteA.AddAttachment(nodes.PersonA, issue, $"bulk-{i}.bin", "application/octet-stream", bytes) is null)
                throw new BenchmarkFailedException($"Site A refused the attachment of Bulk {i}.");
            sources.Add((issue, bytes));
        }
        // The creations' webhooks are read (and found under no sync) before the clock starts: one per issue, comment and
        // attachment, so thousands of issues may take minutes (a generous 50 ms an event, three minutes at least).
        var events = options.Bulk * (2L + options.Comments);
        await nodes.SettleAsync(cancel, TimeSpan.FromMilliseconds(Math.Max(180_000, 50 * events)));
        Console.WriteLine($"  prepared     in {preparing.Elapsed.TotalSeconds:0.0} s (issues created, their webhooks handled, both nodes idle)");

        // Only the bulk run is metered: the preparation's calls are not the quota's concern.
        var quota = options.Quota > 0 ? nodes.Jira.State.PlayQuota(options.Quota, window: options.QuotaWindow) : null;
        if (quota is not null)
            Console.WriteLine($"  quota        {options.Quota} points per {options.QuotaWindowSeconds} s window for the app's calls (one quota across sites, as Atlassian's default tier); " +
                $"Sync:BulkQuotaReserve {options.QuotaReserve} and Sync:BulkQueuedLimit {options.QueuedLimit}, the defaults' share of 65,000");
        nodes.SiteA.Requests.Reset();
        nodes.SiteB.Requests.Reset();
        var cpu = new CpuShares();
        foreach (var (node, i) in nodes.Publics.Select((n, i) => (n, i)))
            cpu.Add($"public node{(nodes.Publics.Count > 1 ? $" {i + 1}" : "")} (pid {node.ProcessId})", node.CpuTime);
        cpu.Add($"private node (pid {nodes.Private.ProcessId})", nodes.Private.CpuTime)
            .Add("benchmark and simulated Jira (this process)", CpuShares.Own);
        if (options.Store == ConnectAddon.TestKit.TestStore.Postgres)
            cpu.Add("PostgreSQL (its server processes)", CpuShares.PostgresSince());
        var progress = new List<(DateTimeOffset At, int Complete)>();
        var watch = Stopwatch.StartNew();
        var trigger = await nodes.PostToPublicAsync($"api/admin/connections/{nodes.ConnectionId}/triggers", new { jql = "project = ACME AND labels = bulk" },
            HttpStatusCode.Created, cancel);
        await nodes.PostToPublicAsync($"api/admin/connections/{nodes.ConnectionId}/triggers/{(string)trigger["id"]!}/bulk", null, HttpStatusCode.Accepted, cancel);

        // Generous: five minutes plus two seconds an issue, a seventh of the reference product's figure.
        var limit = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2 * options.Bulk);
        var lastProgress = TimeSpan.Zero;
        int complete;
        while ((complete = Complete(sources)) < options.Bulk)
        {
            if (watch.Elapsed > limit)
                throw new BenchmarkFailedException($"Not within {limit.TotalSeconds:0} s: the bulk run ({complete} of {options.Bulk} issues complete on {nodes.SiteB.Key}; " +
                    $"{await nodes.QueuesAsync(cancel)}).");
            if (watch.Elapsed - lastProgress >= ProgressInterval)
            {
                lastProgress = watch.Elapsed;
                Console.WriteLine($"  … {complete} of {options.Bulk} complete after {watch.Elapsed.TotalSeconds:0} s");
            }
            progress.Add((DateTimeOffset.UtcNow, complete));
            await Task.Delay(CheckInterval, cancel);
        }
        progress.Add((DateTimeOffset.UtcNow, complete));
        cpu.Stop();
        var seconds = watch.Elapsed.TotalSeconds;
        var (callsOnA, callsOnB) = (nodes.SiteA.Requests.Total, nodes.SiteB.Requests.Total);
        var endpointsOnA = nodes.SiteA.Requests.Snapshot();
        var spentByWindow = quota?.SpentByWindow(nodes.SiteA.Key) ?? [];

        await nodes.SettleAsync(cancel, TimeSpan.FromMilliseconds(Math.Max(180_000, 50 * events)));
        Verify(sources);
        Console.WriteLine($"  issues       {options.Bulk}, each with its twin, {options.Comments} comments and its attachment on {nodes.SiteB.Key}, exactly once, byte-exact");
        Console.WriteLine($"  total        {seconds:0.0} s from starting the bulk run to the last issue complete");
        Console.WriteLine($"  throughput   {options.Bulk / seconds * 60:0} issues per minute, {seconds / options.Bulk:0.000} s per issue " +
            $"(the reference product publishes about {ReferenceSecondsPerIssue:0} s per issue)");
        Console.WriteLine($"  REST calls   {callsOnA / (double)options.Bulk:0.0} per issue on site A, {callsOnB / (double)options.Bulk:0.0} on {nodes.SiteB.Key} (until complete)");
        foreach (var (endpoint, count) in endpointsOnA.OrderByDescending(e => e.Value).Take(6))
            Console.WriteLine($"    site A  {endpoint,-58} {count / (double)options.Bulk,5:0.00} per issue ({count})");
        cpu.Print(Console.Out);
        if (quota is not null)
            new QuotaReport(options, spentByWindow, progress, quota.Refusals).Print(Console.Out);
    }

    /// <summary>How many sources have a twin on the private side holding at least all their comments and an attachment.</summary>
    private int Complete(IReadOnlyList<(SimIssue Issue, byte[] Bytes)> sources)
    {
        var onB = SiteContent.BySummary(nodes.SiteB);
        lock (nodes.SiteB.Sync)
            return sources.Count(s => onB.TryGetValue(s.Issue.Summary, out var twins)
                && twins.Any(t => t.Comments.Count >= options.Comments && t.Attachments.Count >= 1));
    }

    private void Verify(IReadOnlyList<(SimIssue Issue, byte[] Bytes)> sources)
    {
        var onB = SiteContent.BySummary(nodes.SiteB);
        lock (nodes.SiteB.Sync)
            foreach (var (issue, bytes) in sources)
            {
                var twins = onB.GetValueOrDefault(issue.Summary) ?? [];
                if (twins.Count != 1)
                    throw new BenchmarkFailedException($"{issue.Key} ('{issue.Summary}') has {twins.Count} twins on {nodes.SiteB.Key}, not one.");
                var twin = twins[0];
                if (twin.Comments.Count != options.Comments || twin.Attachments.Count != 1 || !twin.Attachments[0].Content.AsSpan().SequenceEqual(bytes))
                    throw new BenchmarkFailedException($"{twin.Key}, the twin of {issue.Key}, holds {twin.Comments.Count} comments and {twin.Attachments.Count} attachments, " +
                        $"not {options.Comments} and one byte-exact copy.");
            }
    }
}
