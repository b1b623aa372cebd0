namespace ConnectAddon.Jira.Resilience;

/// <summary>
/// The headers of Jira's throttling answers ("Rate limiting" page): <c>Retry-After</c> on 429 and on some 503s, in
/// seconds or as an HTTP date; <c>RateLimit-Reason</c> says which limit was hit.
/// </summary>
internal static class RateLimitHeaders
{
    /// <summary>How long Jira asked us to wait, from now; null when it did not say.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary><c>RateLimit-Reason</c> (or its beta spelling <c>X-Beta-RateLimit-Reason</c>), if any.</summary>
    public static string? Reason(HttpResponseMessage response) =>
        response.Headers.TryGetValues("RateLimit-Reason", out var values) || response.Headers.TryGetValues("X-Beta-RateLimit-Reason", out values)
            ? values.FirstOrDefault()
            : null;
}
