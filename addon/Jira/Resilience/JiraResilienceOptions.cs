namespace ConnectAddon.Jira.Resilience;

/// <summary>
/// Timings of the resilience pipeline around every request to Jira, read from <c>Jira:Resilience</c>
/// (TimeSpans as <c>hh:mm:ss</c> or <c>hh:mm:ss.fff</c>). Tests shorten them.
/// </summary>
public sealed class JiraResilienceOptions
{
    public const string Section = "Jira:Resilience";

    /// <summary>One attempt, from sending until the whole JSON answer has arrived.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One call, all attempts and the waits between them included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Replaces both timeouts for attachment uploads and downloads (until the download's headers arrive).</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts per call, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Median of the first exponential backoff (with jitter) when Jira gave no Retry-After.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of one exponential backoff.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest Retry-After worth waiting for in-line. A longer one (a spent hourly quota) is returned at once as
    /// RateLimited with its RetryAfter, so the caller can park the work instead of holding it.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most one call waits between attempts in total before it gives up and returns the last answer.</summary>
    public TimeSpan MaxTotalRetryWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed attempts (5xx, 408, timeouts, connection errors; never 4xx or 429) that opens a site's circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within the sampling window before the ratio counts (at least 2).</summary>
    public int CircuitMinimumThroughput { get; set; } = 10;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls fast before it lets one probe through.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
