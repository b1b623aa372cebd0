using ConnectAddon.TestKit;

namespace ConnectAddon.Bench;

/// <summary>The <c>webhooks</c> benchmark's parameters: measured requests, requests in flight, unmeasured warm-up requests, and the app's store.</summary>
public sealed record WebhookBenchOptions(int Requests = 5000, int Concurrency = 8, int Warmup = 300, TestStore Store = TestStore.Sqlite)
{
    private const string StoreOption = "--store";

    public const int MaxRequests = 10_000_000;
    public const int MaxConcurrency = 1024;

    public static bool TryParse(ReadOnlySpan<string> args, out WebhookBenchOptions options, out string problem)
    {
        var defaults = new WebhookBenchOptions();
        options = defaults;
        if (!BenchArguments.TryTakeWord(args, StoreOption, ["sqlite", "postgres"], out var store, out var numbers, out problem))
            return false;
        if (!BenchArguments.TryParse(numbers, new Dictionary<string, (int, int)>
        {
            ["--requests"] = (1, MaxRequests),
            ["--concurrency"] = (1, MaxConcurrency),
            ["--warmup"] = (0, MaxRequests),
        }, out var values, out problem))
            return false;
        options = defaults with
        {
            Requests = values.GetValueOrDefault("--requests", defaults.Requests),
            Concurrency = values.GetValueOrDefault("--concurrency", defaults.Concurrency),
            Warmup = values.GetValueOrDefault("--warmup", defaults.Warmup),
            Store = store == "postgres" ? TestStore.Postgres : TestStore.Sqlite,
        };
        return true;
    }

    public override string ToString() =>
        $"--requests {Requests} --concurrency {Concurrency} --warmup {Warmup} {StoreOption} {(Store == TestStore.Postgres ? "postgres" : "sqlite")}";
}
