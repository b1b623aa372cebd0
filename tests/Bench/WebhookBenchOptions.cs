namespace ConnectAddon.Bench;

/// <summary>The <c>webhooks</c> benchmark's parameters: measured requests, requests in flight, and unmeasured warm-up requests.</summary>
public sealed record WebhookBenchOptions(int Requests = 5000, int Concurrency = 8, int Warmup = 300)
{
    public const int MaxRequests = 10_000_000;
    public const int MaxConcurrency = 1024;

    public static bool TryParse(ReadOnlySpan<string> args, out WebhookBenchOptions options, out string problem)
    {
        options = new WebhookBenchOptions();
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--requests" or "--concurrency" or "--warmup"))
            {
                problem = $"Unknown option '{name}'.";
                return false;
            }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value))
            {
                problem = $"{name} needs a whole number.";
                return false;
            }
            i++;
            (options, var min, var max) = name switch
            {
                "--requests" => (options with { Requests = value }, 1, MaxRequests),
                "--concurrency" => (options with { Concurrency = value }, 1, MaxConcurrency),
                _ => (options with { Warmup = value }, 0, MaxRequests),
            };
            if (value < min || value > max)
            {
                problem = $"{name} must be between {min} and {max}, not {value}.";
                return false;
            }
        }
        return true;
    }

    public override string ToString() => $"--requests {Requests} --concurrency {Concurrency} --warmup {Warmup}";
}
