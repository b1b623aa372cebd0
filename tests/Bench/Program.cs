using System.Runtime.InteropServices;
using ConnectAddon.Bench;

const string Usage = """
    usage: dotnet run -c Release --project tests/Bench -- <benchmark> [options]

    benchmarks:
      webhooks   POST /webhooks/issue-updated to the real app over HTTP on 127.0.0.1
                 --requests N      measured requests (default 5000)
                 --concurrency C   requests in flight at once (default 8)
                 --warmup W        requests sent first and not measured (default 300)
                 --store S         the app's store: sqlite (default) or postgres (a database on ADDON_TEST_POSTGRES's
                                   server, else on a throwaway cluster of tests/Postgres/cluster.sh)
      exchange   a public and a private node as processes on 127.0.0.1, paired: exchange round trip and
                 exchanges per minute of an idle connection (the public → private delay: see sync, phase 3)
                 --events N        exchanges measured for the round trip (default 500)
                 --idle-seconds S  how long the idle connection is watched (default 130)
      sync       the simulated Jira in process, a public node (site A) and a private node (site B) as processes,
                 one Basic connection: latency each way, transport delay, Jira REST calls per change, writes
                 caused by echoes, bulk throughput, peak memory
                 --issues K          issues under sync for the latency phases (default 20)
                 --changes N         edits measured each way, one at a time (default 200)
                 --poll-ms P         the private node's JQL poll interval, PrivateNode:PollInterval (default 1000)
                 --bulk M            issues of the bulk phase, 0 to skip it (default 300)
                 --comments C        comments on each bulk issue (default 3)
                 --attachment-kib S  size of each bulk issue's attachment (default 16)
                 --private-jira J    the private node's Jira: cloud (site B, default) or datacenter (site-dc, Jira Data Center 9.12)
                 --public-nodes N    processes of the public node (default 1); above 1 they share one PostgreSQL database
                                     behind a reverse proxy on loopback, the private node's exchange to the first, all
                                     else round-robin to the others
                 --store S           the public node's store: sqlite (default with one process) or postgres
                 --quota Q           the simulated Jira meters the app's calls during the bulk phase: Q points a
                                     window, as Atlassian's hourly quota (default 0: off)
                 --quota-window-s W  the quota's window, Jira's hour shrunk to see several resets (default 60)
    """;

if (args.Length == 0 || args[0] is not ("webhooks" or "exchange" or "sync"))
{
    Console.Error.WriteLine(args.Length == 0 ? "No benchmark named." : $"Unknown benchmark '{args[0]}'.");
    Console.Error.WriteLine(Usage);
    return 2;
}
Func<CancellationToken, Task<int>>? run = null;
var problem = "";
if (args[0] == "webhooks" && WebhookBenchOptions.TryParse(args.AsSpan(1), out var options, out problem))
    run = new WebhookBenchmark(options).RunAsync;
else if (args[0] == "exchange" && ExchangeBenchOptions.TryParse(args.AsSpan(1), out var exchangeOptions, out problem))
    run = new ExchangeBenchmark(exchangeOptions).RunAsync;
else if (args[0] == "sync" && SyncBenchOptions.TryParse(args.AsSpan(1), out var syncOptions, out problem))
    run = new SyncBenchmark(syncOptions).RunAsync;
if (run is null)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(Usage);
    return 2;
}

// Ctrl+C and SIGTERM let the benchmark unwind, so it stops its child processes and deletes its temp folders.
using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    return await run(stop.Token);
}
catch (Exception) when (stop.IsCancellationRequested)
{
    // Ctrl+C reaches the app too, so requests in flight may fail in any way once cancelled.
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (BenchmarkFailedException failed)
{
    Console.Error.WriteLine($"Benchmark failed: {failed.Message}");
    return 1;
}

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}
