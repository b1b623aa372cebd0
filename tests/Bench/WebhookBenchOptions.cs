namespace ConnectAddon.Bench;

/// <summary>The <c>webhooks</c> benchmark's parameters: measured requests, requests in flight, and unmeasured warm-up requests.</summary>
public sealed record WebhookBenchOptions(int Requests = 5000, int Concurrency = 8, int Warmup = 300)
{
    public const int MaxRequests = 10_000_000;
    public const int MaxConcurrency = 1024;

    public static bool TryParse(ReadOnlySpan<string> args, out WebhookBenchOptions options, out string problem)
    {
        var defaults = new WebhookBenchOptions();
        options = defaults;
        if (!BenchArguments.TryParse(args, new Dictionary<string, (int, int)>
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
        };
        return true;
    }

    public override string ToString() => $"--requests {Requests} --concurrency {Concurrency} --warmup {Warmup}";
}
