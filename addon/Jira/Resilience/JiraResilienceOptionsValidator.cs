using Microsoft.Extensions.Options;

namespace ConnectAddon.Jira.Resilience;

/// <summary>Refuses timings that Polly would reject or that make no sense, naming the key that is wrong.</summary>
internal sealed class JiraResilienceOptionsValidator : IValidateOptions<JiraResilienceOptions>
{
    // Polly's own lower bounds: timeouts 10 ms, circuit windows 500 ms, minimum throughput 2.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, JiraResilienceOptions options)
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
                problems.Add($"{JiraResilienceOptions.Section}:{key} {rule}");
        }

        Check(options.AttemptTimeout >= MinimumTimeout, nameof(options.AttemptTimeout), "must be at least 10 ms");
        Check(options.TotalTimeout >= options.AttemptTimeout, nameof(options.TotalTimeout), "must be at least AttemptTimeout");
        Check(options.TransferTimeout >= MinimumTimeout, nameof(options.TransferTimeout), "must be at least 10 ms");
        Check(options.MaxAttempts is >= 1 and <= 20, nameof(options.MaxAttempts), "must be between 1 and 20");
        Check(options.BackoffBase >= TimeSpan.Zero, nameof(options.BackoffBase), "must not be negative");
        Check(options.MaxBackoff >= options.BackoffBase, nameof(options.MaxBackoff), "must be at least BackoffBase");
        Check(options.MaxRetryAfter >= TimeSpan.Zero, nameof(options.MaxRetryAfter), "must not be negative");
        Check(options.MaxTotalRetryWait >= TimeSpan.Zero, nameof(options.MaxTotalRetryWait), "must not be negative");
        Check(options.CircuitFailureRatio is > 0 and <= 1, nameof(options.CircuitFailureRatio), "must be above 0 and at most 1");
        Check(options.CircuitMinimumThroughput >= 2, nameof(options.CircuitMinimumThroughput), "must be at least 2");
        Check(options.CircuitSamplingDuration >= MinimumWindow, nameof(options.CircuitSamplingDuration), "must be at least 500 ms");
        Check(options.CircuitBreakDuration >= MinimumWindow, nameof(options.CircuitBreakDuration), "must be at least 500 ms");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
