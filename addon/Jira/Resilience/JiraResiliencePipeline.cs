using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ConnectAddon.Jira.Resilience;

/// <summary>
/// The Polly v8 pipeline on the Jira HTTP clients, outermost first: a total timeout, retries (<see cref="JiraRetryRules"/>),
/// a circuit breaker, and a timeout per attempt. One pipeline, with its own circuit, is kept per Jira site (base URL
/// with its path prefix), so a site that keeps failing is cut off without slowing the others.
/// </summary>
internal static class JiraResiliencePipeline
{
    public const string Name = "jira";

    public static IHttpClientBuilder AddJiraResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(Name, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<JiraResilienceOptions>>().Value;
            var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ConnectAddon.Jira.Resilience");
            var rules = new JiraRetryRules(options, clock, logger);

            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "total",
                TimeoutGenerator = args => new(IsTransfer(args.Context) ? options.TransferTimeout : options.TotalTimeout),
            });
            if (options.MaxAttempts > 1)
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BackoffBase,
                    MaxDelay = options.MaxBackoff,
                    ShouldHandle = rules.ShouldRetry,
                    DelayGenerator = rules.Delay,
                    OnRetry = rules.OnRetry,
                });
            pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumThroughput,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                ShouldHandle = JiraRetryRules.IsSiteFailure,
            });
            pipeline.AddTimeout(new TimeoutStrategyOptions
            {
                Name = "attempt",
                TimeoutGenerator = args => new(IsTransfer(args.Context) ? options.TransferTimeout : options.AttemptTimeout),
            });
        })
        .SelectPipelineBy(_ => JiraRequestOptions.SiteKey);
        return builder;
    }

    private static bool IsTransfer(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && JiraRequestOptions.Flag(request, JiraRequestOptions.Transfer);
}
