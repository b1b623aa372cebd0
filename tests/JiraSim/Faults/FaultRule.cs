namespace JiraSim.Faults;

/// <summary>
/// A fault to inject on a site: for requests to <see cref="Endpoint"/> (e.g. "POST /rest/api/3/issue"; null for every
/// endpoint), wait <see cref="Delay"/>, then answer <see cref="Status"/> instead of the real answer (null: answer
/// normally, only late). Applies to the next <see cref="Times"/> matching requests (null: until removed).
/// </summary>
public sealed record FaultRule(string? Endpoint, int? Status = null, TimeSpan? Delay = null, int? Times = null)
{
    /// <summary>Seconds for <c>Retry-After</c> on 429 and 503 answers.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary><c>RateLimit-Reason</c> on 429 answers, e.g. <c>jira-burst-based</c>, <c>jira-quota-tenant-based</c>.</summary>
    public string? RateLimitReason { get; init; }

    /// <summary>An HTML page (text/html) to answer with <see cref="Status"/> instead of Jira's JSON error: what a proxy or SSO in front of Jira says.</summary>
    public string? Html { get; init; }

    public static FaultRule RateLimited(string? endpoint, int retryAfterSeconds = 1, string reason = "jira-burst-based", int? times = 1) =>
        new(endpoint, 429, Times: times) { RetryAfterSeconds = retryAfterSeconds, RateLimitReason = reason };

    public static FaultRule ServerError(string? endpoint, int status = 500, int? times = 1) => new(endpoint, status, Times: times);

    public static FaultRule Slow(string? endpoint, TimeSpan delay, int? times = null) => new(endpoint, Delay: delay, Times: times);

    /// <summary>A single sign-on (or authenticating proxy) intercepts the call and answers its login page: 200, text/html.</summary>
    public static FaultRule LoginPage(string? endpoint, int? times = null) => new(endpoint, 200, Times: times) { Html = HtmlPages.Login };

    /// <summary>The reverse proxy in front of Jira cannot reach it: its own HTML error page (502 by default).</summary>
    public static FaultRule ProxyError(string? endpoint, int status = 502, int? times = null) => new(endpoint, status, Times: times) { Html = HtmlPages.BadGateway };
}
