using System.Diagnostics;
using System.Net;
using ConnectAddon.TestKit;
using Sandbox;

namespace ConnectAddon.Bench;

/// <summary>
/// <c>sync</c>: the whole product on this machine (the simulated Jira in this process, a public and a private node as
/// processes, one active Basic connection) and the figures of DESIGN §10 and issue 6, measured phase by phase:
/// (1) public → private latency: an edit of a summary on site A until the private side's twin has it, one change at a
/// time (the private side: site B, Jira Cloud, or with <c>--private-jira datacenter</c> site-dc, Jira Data Center);
/// (2) private → public latency likewise, edits on the private side (found by the private node's JQL poll);
/// (3) the transport's delay of the events of (1) and (2), from the sender's queue to the receiver's inbox;
/// (4) Jira REST calls per synced change on each side of (1) and (2), and the writes that echoes caused (none), and
/// the TCP connections the private node opened to the public node meanwhile (<see cref="OpenedConnections"/>);
/// (5) bulk throughput (<see cref="SyncBulkPhase"/>); (6) each node's peak memory.
/// </summary>
public sealed class SyncBenchmark(SyncBenchOptions options)
{
    public const double TargetPublicToPrivateP99Ms = 1000;
    /// <summary>Private → public: the poll interval plus this (DESIGN §10).</summary>
    public const double TargetPrivateToPublicExtraMs = 1000;
    /// <summary>Issue 14 item 9: "a handful per minute under load"; each one is a TLS handshake and a proxy log line over the internet.</summary>
    public const double TargetLoadedConnectionsPerMinute = 5;
    private static readonly TimeSpan ArrivalLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan UnderSyncLimit = TimeSpan.FromSeconds(120);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var (addonDll, configuration) = BenchedApp.Locate();
        Console.WriteLine($"Addon: {addonDll} ({configuration})");
        if (configuration != "Release")
            Console.WriteLine("Note: not a Release build; use -c Release for figures worth comparing.");
        Console.WriteLine($"Benchmark: sync {options}");

        var startup = Stopwatch.StartNew();
        await using var nodes = await SyncNodes.StartAsync(options, cancel);
        Console.WriteLine($"Private Jira: {PrivateJiraDescription(nodes.SiteB, options.PrivateJira)}; public Jira: Jira Cloud ({nodes.SiteA.Key})");
        Console.WriteLine($"Simulated Jira at {nodes.Jira.RootUrl}; {PublicDescription(nodes)}; " +
            $"private node pid {nodes.Private.ProcessId} at {nodes.Private.BaseUrlSetting}; connection {nodes.ConnectionId} active after {startup.Elapsed.TotalSeconds:0.0} s");

        var pairs = await BringUnderSyncAsync(nodes, cancel);
        var echoWrites = 0;
        // The connection count samples /proc every 20 ms: it is stopped before the bulk phase, whose throughput it
        // would take a quarter of this process's processor time from (seen in a trace of the bulk phase).
        await using (var opened = OpenedConnections.Start(nodes.Private.ProcessId, nodes.PublicUrl.Port))
        {
            echoWrites += await LatencyPhaseAsync(nodes, pairs, opened, fromPublic: true, cancel);
            echoWrites += await LatencyPhaseAsync(nodes, pairs, opened, fromPublic: false, cancel);
        }
        if (options.Bulk > 0)
            await new SyncBulkPhase(nodes, options).RunAsync(cancel);
        else
            Console.WriteLine($"{Environment.NewLine}5. Bulk throughput: skipped (--bulk 0).");

        Console.WriteLine();
        Console.WriteLine("6. Peak memory (VmHWM: the most resident memory each process has had):");
        foreach (var (node, i) in nodes.Publics.Select((n, i) => (n, i)))
            Console.WriteLine($"  public node{(nodes.Publics.Count > 1 ? $" {i + 1}" : "  ")}  {Mebibytes(node.PeakWorkingSet())}");
        Console.WriteLine($"  private node   {Mebibytes(nodes.Private.PeakWorkingSet())}");
        if (echoWrites > 0)
            throw new BenchmarkFailedException($"Echoes caused {echoWrites} writes on the source site; the sync must not send its own writes back (DESIGN §7).");
        return 0;
    }

    /// <summary>Creates the latency phases' issues on site A, brings each under sync with the Exalate action, and waits for their twins on the private side.</summary>
    private async Task<IReadOnlyList<TwinPair>> BringUnderSyncAsync(SyncNodes nodes, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var names = Enumerable.Range(1, options.Issues).Select(i => $"Latency {i}").ToList();
        var onA = names.Select(name => SiteContent.CreateIssue(nodes.SiteA, nodes.PersonA, "ACME", name)).ToList();
        foreach (var issue in onA)
            await nodes.PostToPublicAsync($"api/admin/connections/{nodes.ConnectionId}/issues", new { issue = issue.Key }, HttpStatusCode.Accepted, cancel);
        await Waiting.UntilAsync(() => names.All(SiteContent.BySummary(nodes.SiteB).ContainsKey), $"the twins of {options.Issues} issues on {nodes.SiteB.Key}", UnderSyncLimit, cancel);
        await nodes.SettleAsync(cancel);
        var onB = SiteContent.BySummary(nodes.SiteB);
        if (names.FirstOrDefault(name => onB[name].Count != 1) is { } twice)
            throw new BenchmarkFailedException($"'{twice}' has {onB[twice].Count} twins on {nodes.SiteB.Key}, not one.");
        Console.WriteLine($"{options.Issues} issues of site A under sync, their twins on {nodes.SiteB.Key}, all settled after {watch.Elapsed.TotalSeconds:0.0} s");
        return [.. names.Select((name, i) => new TwinPair(name, onA[i], onB[name][0]))];
    }

    /// <summary>Phases 1 or 2 with their parts of 3 and 4; returns the writes that echoes caused on the source.</summary>
    private async Task<int> LatencyPhaseAsync(SyncNodes nodes, IReadOnlyList<TwinPair> pairs, OpenedConnections opened, bool fromPublic, CancellationToken cancel)
    {
        var (source, destination) = fromPublic ? (nodes.SiteA, nodes.SiteB) : (nodes.SiteB, nodes.SiteA);
        var person = fromPublic ? nodes.PersonA : nodes.PersonB;
        var receiver = fromPublic ? nodes.PrivateDatabase : nodes.PublicDatabase;
        var direction = fromPublic ? "public → private" : "private → public";
        var limit = fromPublic ? ArrivalLimit : ArrivalLimit + options.PollInterval;
        Console.WriteLine();
        Console.WriteLine($"{(fromPublic ? 1 : 2)}. Latency {direction}: {options.Changes} edits of a summary on {source.Key}, one at a time, each timed until " +
            $"{destination.Key}'s twin has it");

        var lastBefore = receiver.LastIncomingSequence(nodes.ConnectionId);
        nodes.SiteA.Requests.Reset();
        nodes.SiteB.Requests.Reset();
        var connectionsBefore = opened.Seen;
        var phase = Stopwatch.StartNew();
        var latencies = new long[options.Changes];
        for (var n = 0; n < options.Changes; n++)
        {
            var pair = pairs[n % pairs.Count];
            var (edited, twin) = fromPublic ? (pair.OnA, pair.OnB) : (pair.OnB, pair.OnA);
            var summary = $"{pair.Name}, change {n + 1} on {source.Key}";
            using var arrival = new SiteArrival(destination, () => twin.Summary == summary);
            var started = Stopwatch.GetTimestamp();
            if (!source.EditIssue(person, edited, summary: summary))
                throw new BenchmarkFailedException($"The edit of {edited.Key} on {source.Key} changed nothing.");
            latencies[n] = await arrival.WaitAsync($"change {n + 1} ({edited.Key} on {source.Key}) reaching {twin.Key} on {destination.Key}", limit, cancel) - started;
            // The private node finds changes only at its polls. Edits made right after the previous arrival would all
            // fall at the same point of the poll cycle; a random pause spreads them over the whole interval.
            if (!fromPublic)
                await Task.Delay(Random.Shared.Next(options.PollMs), cancel);
        }
        var measuring = phase.Elapsed;
        var connections = opened.Seen - connectionsBefore;
        await nodes.SettleAsync(cancel);
        var calls = new RestCallReport(source.Key, source.Requests.Snapshot(), destination.Key, destination.Requests.Snapshot(), options.Changes,
            options.PrivateJira, PrivateIsSource: !fromPublic);
        var counting = phase.Elapsed;

        var latency = LatencyReport.Of(new PhaseResult(latencies, 0, [], measuring));
        Console.WriteLine($"  changes      {options.Changes} over {pairs.Count} issues in {measuring.TotalSeconds:0.0} s" +
            (fromPublic ? "" : $"; the private node polls its Jira every {options.PollMs} ms (--poll-ms); a random pause of up to that before each edit"));
        Console.WriteLine($"  latency ms   p50 {latency.P50Ms:0}   p90 {latency.P90Ms:0}   p99 {latency.P99Ms:0}   max {latency.MaxMs:0}   (mean {latency.MeanMs:0})");
        var target = fromPublic ? TargetPublicToPrivateP99Ms : options.PollMs + TargetPrivateToPublicExtraMs;
        Console.WriteLine($"  target       p99 < {target:0} ms{(fromPublic ? "" : $" (the poll interval {options.PollMs} ms + {TargetPrivateToPublicExtraMs:0} ms)")}: " +
            (latency.P99Ms < target ? "met" : "NOT met"));
        calls.Print(Console.Out, counting.TotalSeconds, options.PollInterval);
        var connectionsPerMinute = connections * 60 / measuring.TotalSeconds;
        Console.WriteLine($"  connections  {connections} opened by the private node to the public node while measuring ({connectionsPerMinute:0.0} per minute; " +
            $"target at most {TargetLoadedConnectionsPerMinute:0}){(connectionsPerMinute <= TargetLoadedConnectionsPerMinute ? "" : "   ABOVE TARGET")}");
        PrintTransportDelay(receiver, nodes.ConnectionId, lastBefore, direction, fromPublic);
        return calls.EchoWrites;
    }

    /// <summary>Phase 3 for the events of one latency phase, read from the receiving node's inbox.</summary>
    private static void PrintTransportDelay(SyncDatabase receiver, string connectionId, long lastBefore, string direction, bool fromPublic)
    {
        var (transport, apply) = receiver.Delays(connectionId, lastBefore);
        if (transport.Count == 0)
            throw new BenchmarkFailedException($"The {(fromPublic ? "private" : "public")} node's inbox holds no stamped event of the {direction} phase.");
        var stored = Percentiles(transport);
        var applied = Percentiles(apply);
        Console.WriteLine($"3. Transport delay {direction} (queued on the {(fromPublic ? "public" : "private")} node → stored on the {(fromPublic ? "private" : "public")} node; " +
            "its sync_events, stored_at_ms − peer_queued_at_ms):");
        Console.WriteLine($"  events       {transport.Count}");
        Console.WriteLine($"  delay ms     p50 {stored.P50Ms:0}   p99 {stored.P99Ms:0}   max {stored.MaxMs:0}");
        Console.WriteLine($"  then applied p50 {applied.P50Ms:0}   p99 {applied.P99Ms:0}   max {applied.MaxMs:0} ms after being stored (applied_at_ms − stored_at_ms)");
    }

    /// <summary>The public node's processes and store, for the header.</summary>
    private string PublicDescription(SyncNodes nodes) => nodes.Publics.Count == 1
        ? $"public node pid {nodes.Public.ProcessId} at {nodes.Public.BaseUrlSetting} on {(options.Store == TestStore.Postgres ? "PostgreSQL" : "SQLite")}"
        : $"public node: {nodes.Publics.Count} processes (pids {string.Join(", ", nodes.Publics.Select(p => p.ProcessId))}) on one PostgreSQL database " +
          $"behind a proxy at {nodes.PublicUrl} (the private node's {SyncNodes.TransportPath} requests to the first, the rest round-robin to the others)";

    /// <summary>What the private node's Jira is, for the header: the figures of the two flavours are not comparable as such.</summary>
    private static string PrivateJiraDescription(JiraSim.Model.SimSite site, PrivateJira flavour) => flavour == PrivateJira.DataCenter
        ? $"Jira Data Center {site.Version} ({site.Key}: REST v2, wiki markup, a personal access token)"
        : $"Jira Cloud ({site.Key}: REST v3, ADF, an API token)";

    private static LatencyReport Percentiles(List<long> milliseconds) =>
        LatencyReport.Of(new PhaseResult([.. milliseconds.Select(ms => ms * Stopwatch.Frequency / 1000)], 0, [], TimeSpan.Zero));

    private static string Mebibytes(long? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024):0.0} MiB" : "unknown (no /proc)";
}
