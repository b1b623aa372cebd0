using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ConnectAddon.Jira.Resilience;

/// <summary>
/// When a request to Jira is sent again, and after how long. Only what is safe to repeat is repeated:
/// <list type="bullet">
/// <item>429 and 503 mean Jira did not process the request ("Rate limiting" page: retry after <c>Retry-After</c>;
/// some 503s carry one too), so any request is repeated, a POST included, waiting at least Retry-After.</item>
/// <item>A failed connection attempt never reached Jira, so any request is repeated.</item>
/// <item>5xx, 408, timeouts and dropped connections are repeated only for idempotent requests: a POST may have
/// been processed, so it comes back as OutcomeUnknown instead.</item>
/// <item>A body that cannot be rewound (an upload from a stream that cannot seek) is never sent twice.</item>
/// </list>
/// </summary>
internal sealed class JiraRetryRules(JiraResilienceOptions options, TimeProvider clock, ILogger logger)
{
    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("ConnectAddon.Jira.Waited");

    public ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args) =>
        new(args.Context.GetRequestMessage() is { } request && ShouldRetry(request, args.Outcome, args.Context.Properties.GetValue(Waited, TimeSpan.Zero)));

    internal bool ShouldRetry(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, TimeSpan waitedSoFar)
    {
        if (!JiraRequestOptions.CanResend(request))
            return false;
        var idempotent = JiraRequestOptions.IsIdempotent(request);
        if (outcome.Exception is { } exception)
            return exception switch
            {
                BrokenCircuitException or IsolatedCircuitException => false,
                HttpRequestException failure when JiraFailures.NeverReachedJira(failure) => true,
                HttpRequestException or IOException or TimeoutRejectedException => idempotent,
                _ => false,
            };

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status is 429 or 503)
        {
            // A wait longer than we hold a call for (a spent hourly quota) goes back to the caller, which parks the work.
            if (RateLimitHeaders.RetryAfter(response, clock) is not { } retryAfter)
                return true;
            return retryAfter <= options.MaxRetryAfter && waitedSoFar + retryAfter <= options.MaxTotalRetryWait;
        }
        return idempotent && (status == 408 || (status >= 500 && status != 501 && status != 505));
    }

    private static readonly TimeSpan SafetyMargin = TimeSpan.FromMilliseconds(50);

    /// <summary>At least Retry-After when Jira gave one (plus a little jitter, so callers do not return together); otherwise Polly's exponential backoff with jitter.</summary>
    public ValueTask<TimeSpan?> Delay(RetryDelayGeneratorArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Result is { } response && (int)response.StatusCode is 429 or 503
            && RateLimitHeaders.RetryAfter(response, clock) is { } retryAfter)
        {
            var jitter = Random.Shared.NextDouble() * Math.Min(1000, retryAfter.TotalMilliseconds * 0.1);
            // A timer may fire a millisecond early by the wall clock, and "at least Retry-After" must hold as Jira
            // measures it: a small fixed margin keeps the retry on the right side of the limit.
            return new(retryAfter + SafetyMargin + TimeSpan.FromMilliseconds(jitter));
        }
        return new((TimeSpan?)null);
    }

    public ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var waited = args.Context.Properties.GetValue(Waited, TimeSpan.Zero) + args.RetryDelay;
        args.Context.Properties.Set(Waited, waited);
        var request = args.Context.GetRequestMessage();
        var what = args.Outcome.Result is { } response
            ? $"{(int)response.StatusCode}{(RateLimitHeaders.Reason(response) is { } reason ? " (" + reason + ")" : "")}"
            : args.Outcome.Exception?.GetType().Name;
        logger.LogWarning("Jira request {Method} {Url} failed with {Failure}; attempt {Attempt} of {MaxAttempts} in {DelayMs} ms",
            request?.Method, request?.RequestUri?.GetLeftPart(UriPartial.Path), what, args.AttemptNumber + 2, options.MaxAttempts, (long)args.RetryDelay.TotalMilliseconds);
        return ValueTask.CompletedTask;
    }

    /// <summary>What counts against a site's circuit: the site failing, never the caller's mistakes (4xx) or throttling (429).</summary>
    public static ValueTask<bool> IsSiteFailure(CircuitBreakerPredicateArguments<HttpResponseMessage> args) => new(args.Outcome switch
    {
        { Exception: HttpRequestException or IOException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode is 408 or >= 500,
        _ => false,
    });
}
