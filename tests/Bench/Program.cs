using System.Runtime.InteropServices;
using ConnectAddon.Bench;

const string Usage = """
    usage: dotnet run -c Release --project tests/Bench -- <benchmark> [options]

    benchmarks:
      webhooks   POST /webhooks/issue-updated to the real app over HTTP on 127.0.0.1
                 --requests N      measured requests (default 5000)
                 --concurrency C   requests in flight at once (default 8)
                 --warmup W        requests sent first and not measured (default 300)
      exchange   a public and a private node as processes on 127.0.0.1, paired: exchange round trip,
                 public → private delivery delay, and exchanges per minute of an idle connection
                 --events N        events measured each way (default 500)
                 --interval-ms I   spacing of the events queued on the public node (default 20)
                 --idle-seconds S  how long the idle connection is watched (default 130)
    """;

if (args.Length == 0 || args[0] is not ("webhooks" or "exchange"))
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
