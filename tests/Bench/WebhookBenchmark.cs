using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ConnectAddon.TestKit;

namespace ConnectAddon.Bench;

/// <summary>
/// <c>webhooks</c>: starts the install key server and the real app, installs a tenant with a signed install, sends
/// warm-up then measured <c>POST /webhooks/issue-updated</c> requests from C concurrent workers over one
/// HttpClient, checks the database recorded every 204 and that the sync read every changed issue (the tenant has no
/// connection, so none is queued for a peer), and prints throughput, latency and the app's memory.
/// </summary>
public sealed class WebhookBenchmark(WebhookBenchOptions options)
{
    public const string AppKey = "bench-app";
    public const double TargetP99Ms = 20;
    private const int MaxErrorSamples = 5;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(120);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var (addonDll, configuration) = BenchedApp.Locate();
        Console.WriteLine($"Addon: {addonDll} ({configuration})");
        if (configuration != "Release")
            Console.WriteLine("Note: not a Release build; use -c Release for figures worth comparing.");
        Console.WriteLine($"Benchmark: webhooks {options}  (POST {WebhookRequests.Path}, {WebhookRequests.IssueCount} distinct issues)");

        await using var keyServer = await InstallKeyServer.StartAsync(cancel);
        var startup = Stopwatch.StartNew();
        await using var store = TestDatabase.Create(options.Store, purpose: "bench_webhooks");
        await using var addon = await BenchedApp.StartAsync(AppKey, keyServer.BaseUrl, store);
        var database = BenchDatabase.Of(store);
        Console.WriteLine($"App: pid {addon.ProcessId} at {addon.BaseUrlSetting}, install keys at {keyServer.BaseUrl}, " +
            $"database {BenchDatabase.Describe(store)}");
        using var http = CreateClient(options.Concurrency);
        await BenchedApp.EnsureHealthyAsync(http, addon, cancel);
        Console.WriteLine($"App healthy after {startup.Elapsed.TotalSeconds:0.00} s");

        var clientKey = Guid.NewGuid().ToString();
        var sharedSecret = LifecycleBody.NewSharedSecret();
        await SignedInstall.InstallAsync(http, addon, keyServer.Keys, AppKey, clientKey, sharedSecret, cancel);
        Console.WriteLine($"Installed tenant {clientKey} ({SignedInstall.SiteBaseUrl}) with a signed install");

        var requests = new WebhookRequests(addon.BaseUrl, clientKey, sharedSecret);
        var warmup = await RunPhaseAsync(http, requests, first: 0, options.Warmup, cancel);
        Console.WriteLine($"Warm-up: {warmup.Requests} requests, {warmup.Errors} errors, {warmup.Elapsed.TotalSeconds:0.00} s");
        PrintErrorSamples(warmup);

        var appCpuBefore = addon.CpuTime();
        var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var appLinesBefore = addon.Output.Count;
        var measured = await RunPhaseAsync(http, requests, first: options.Warmup, options.Requests, cancel);
        var appCpu = addon.CpuTime() - appCpuBefore;
        var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
        var appLines = addon.Output.Count - appLinesBefore;
        var peak = addon.PeakWorkingSet();

        var successes = warmup.Successes + measured.Successes;
        var failed = warmup.Errors + measured.Errors;
        // The sync engine reads each changed issue after its webhook was acknowledged; the check waits for it to catch up.
        var drain = Stopwatch.StartNew();
        var recorded = RecordedWork.Read(database, clientKey);
        while (recorded.IssuesWaiting > 0 && drain.Elapsed < DrainLimit)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancel);
            recorded = RecordedWork.Read(database, clientKey);
        }
        var recordedOk = failed > 0 || recorded.Holds(successes);

        var report = LatencyReport.Of(measured);
        Console.WriteLine();
        Console.WriteLine($"webhooks {options}");
        report.Print(Console.Out);
        var seconds = measured.Elapsed.TotalSeconds;
        Console.WriteLine($"  app CPU      {appCpu.TotalSeconds:0.00} s ({appCpu.TotalSeconds / seconds:0.00} cores); benchmark CPU {ownCpu.TotalSeconds:0.00} s ({ownCpu.TotalSeconds / seconds:0.00} cores); {Environment.ProcessorCount} cores");
        Console.WriteLine($"  app memory   peak working set {(peak is { } bytes ? $"{bytes / (1024.0 * 1024):0.0} MiB (VmHWM)" : "unknown")}");
        Console.WriteLine($"  app output   {appLines} log lines during the measured phase");
        Console.WriteLine($"  recorded     {recorded.Deliveries} deliveries " +
            (failed > 0 ? $"(not compared: {failed} requests failed)" : $"(expected {successes}: every acknowledged delivery){(recorded.Deliveries == successes ? "" : " - MISMATCH")}"));
        Console.WriteLine($"  changed      every changed issue read by the sync {(recorded.IssuesWaiting == 0 ? $"{drain.Elapsed.TotalSeconds:0.0} s after the last request" : $"- NOT within {DrainLimit.TotalSeconds:0} s: {recorded.IssuesWaiting} still waiting")}; " +
            $"{recorded.EventsQueued} events queued, as none is under sync (the tenant has {recorded.Connections} connections){(recordedOk ? "" : " - MISMATCH")}");
        Console.WriteLine($"  target       p99 < {TargetP99Ms} ms: {(report.P99Ms < TargetP99Ms ? "met" : "NOT met")}");
        PrintErrorSamples(measured);

        return failed == 0 && recordedOk ? 0 : 1;
    }

    /// <summary>Sends requests number <paramref name="first"/> … first+count-1 from C workers sharing one counter.</summary>
    private async Task<PhaseResult> RunPhaseAsync(HttpClient http, WebhookRequests requests, long first, int count, CancellationToken cancel)
    {
        var latencies = new long[count];
        var errorSamples = new ConcurrentQueue<string>();
        var next = -1;
        var errors = 0;

        async Task Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                using var request = requests.Create(first + i);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, cancel);
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    if (response.StatusCode != HttpStatusCode.NoContent)
                    {
                        Interlocked.Increment(ref errors);
                        if (errorSamples.Count < MaxErrorSamples)
                            errorSamples.Enqueue($"{(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancel)}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    latencies[i] = Stopwatch.GetTimestamp() - started;
                    Interlocked.Increment(ref errors);
                    if (errorSamples.Count < MaxErrorSamples)
                        errorSamples.Enqueue($"{e.GetType().Name}: {e.Message}");
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(Worker, cancel)));
        return new PhaseResult(latencies, errors, [.. errorSamples], clock.Elapsed);
    }

    private static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        UseProxy = false, // only ever 127.0.0.1, whatever HTTP_PROXY says
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static void PrintErrorSamples(PhaseResult phase)
    {
        foreach (var sample in phase.ErrorSamples)
            Console.WriteLine($"  error: {sample}");
    }
}
