namespace JiraSim.Connect;

/// <summary>
/// When a failed delivery is tried again. Jira Cloud retries on 408, 409, 425, 429, 5xx, connection failures and
/// timeouts, and on nothing else ("Webhooks: Retry policy"; "New Jira Cloud webhook retry policy" on the developer
/// community), over up to about 30 minutes, telling retries apart with <c>X-Atlassian-Webhook-Retry</c>. The default
/// here keeps Jira's rule but is short so tests finish quickly: 5 attempts, 200 ms before the first retry, doubling.
/// </summary>
public sealed record WebhookRetryPolicy
{
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public double BackoffFactor { get; init; } = 2;
    /// <summary>How long one attempt may take before it counts as a timeout (a retryable failure).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A schedule like Jira's own, for demos: 5 attempts over about a quarter of an hour.</summary>
    public static WebhookRetryPolicy JiraLike => new() { FirstRetryDelay = TimeSpan.FromMinutes(1) };

    /// <summary>Whether an answer (null: none came) is worth another attempt.</summary>
    public static bool IsRetryable(int? status) => status is null or 408 or 409 or 425 or 429 or >= 500;

    public TimeSpan DelayBefore(int attempt) => FirstRetryDelay * Math.Pow(BackoffFactor, attempt - 2);
}
