using System.Net;
using System.Text;
using ConnectAddon.Jira.Resilience;

namespace ConnectAddon.Jira.Quota;

/// <summary>
/// On every attempt to a Jira site: while the site's quota pause lasts (<see cref="JiraQuotaPauses"/>), no request is
/// sent and the attempt is answered as Jira would, 429 with <c>Retry-After</c> until the reset, so the retry rules park
/// the work as they do for Jira's own answer; a 429 of a <c>jira-quota-*</c> kind from Jira starts such a pause for
/// every process, for that site (its own quota) or for all sites (the app's one quota across tenants). Burst (<c>jira-burst-based</c>) and per-issue (<c>jira-per-issue-on-write</c>) limits concern one
/// endpoint or one issue, and stay with the retry rules ("Rate limiting": each limit has its own scope).
/// </summary>
public sealed class QuotaPauseHandler(JiraQuotaPauses pauses, TimeProvider clock) : DelegatingHandler
{
    /// <summary>How long a quota 429 without Retry-After pauses the site: the quota is per hour, so a minute is a modest guess.</summary>
    public static readonly TimeSpan PauseWithoutRetryAfter = TimeSpan.FromMinutes(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var site = JiraRequestOptions.SiteKey(request);
        if (pauses.Current(site) is { } pause)
            return Paused(request, pause);
        var response = await base.SendAsync(request, cancellationToken);
        if (QuotaReading.From(response, clock.GetUtcNow()) is { } reading)
            pauses.Read(site, reading);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && RateLimitHeaders.Reason(response) is { } reason
            && reason.StartsWith("jira-quota", StringComparison.Ordinal))
        {
            var until = clock.GetUtcNow() + (RateLimitHeaders.RetryAfter(response, clock) ?? PauseWithoutRetryAfter);
            await pauses.PauseAsync(JiraQuotaPauses.Scope(site, reason), until, reason, CancellationToken.None);
        }
        return response;
    }

    private HttpResponseMessage Paused(HttpRequestMessage request, QuotaPause pause)
    {
        var wait = pause.Until - clock.GetUtcNow();
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            Content = new StringContent(
                $$"""{"errorMessages":["Paused by Jira's rate limit until {{pause.Until.UtcDateTime:HH:mm}} UTC ({{pause.Reason}}): no request was sent."]}""",
                Encoding.UTF8, "application/json"),
        };
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds))));
        response.Headers.TryAddWithoutValidation("RateLimit-Reason", pause.Reason);
        return response;
    }
}
