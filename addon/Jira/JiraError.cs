namespace ConnectAddon.Jira;

/// <summary>
/// A failed call to Jira as a value. <see cref="ErrorMessages"/> and <see cref="Errors"/> are Jira's own
/// <c>{"errorMessages":[…],"errors":{…}}</c> body (the ErrorCollection schema of the REST v3 OpenAPI document).
/// Nothing in it comes from the request's credentials.
/// </summary>
public sealed record JiraError
{
    public required JiraErrorKind Kind { get; init; }

    /// <summary>What happened, for people and logs: the method, the path and Jira's first message.</summary>
    public required string Message { get; init; }

    /// <summary>The HTTP status when Jira answered; null when no answer arrived.</summary>
    public int? Status { get; init; }

    public IReadOnlyList<string> ErrorMessages { get; init; } = [];

    /// <summary>Field name → message, as Jira reports validation failures.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>From <c>Retry-After</c> (seconds or an HTTP date) on 429 and 503; null when Jira did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// <c>RateLimit-Reason</c> of a 429 ("Rate limiting" page): <c>jira-quota-*</c> means the app's hourly points quota is
    /// spent (pause all work for the app until the reset), <c>jira-burst-based</c> one endpoint, <c>jira-per-issue-on-write</c> one issue.
    /// </summary>
    public string? RateLimitReason { get; init; }

    /// <summary>Worth trying again later without changing the request.</summary>
    public bool IsTransient => Kind is JiraErrorKind.RateLimited or JiraErrorKind.Unavailable or JiraErrorKind.Timeout or JiraErrorKind.CircuitOpen
        or JiraErrorKind.AppTokenUnavailable;

    public override string ToString() => Status is { } status ? $"{Kind} ({status}): {Message}" : $"{Kind}: {Message}";
}
