using ConnectAddon.Jira.Resilience;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ConnectAddon.Jira;

/// <summary>
/// Turns what went wrong with a request (an answer, or an exception from the pipeline) into a <see cref="JiraError"/>.
/// The one rule that needs care: a request that is not idempotent and whose answer was lost is OutcomeUnknown,
/// because Jira may have acted on it.
/// </summary>
internal static class JiraFailures
{
    public static JiraError? FromException(HttpRequestMessage request, Exception exception) => exception switch
    {
        BrokenCircuitException or IsolatedCircuitException => new JiraError
        {
            Kind = JiraErrorKind.CircuitOpen,
            Message = $"{Describe(request)}: not sent; this Jira site failed repeatedly, so calls to it fail fast until its circuit lets a probe through",
        },
        TimeoutRejectedException => Lost(request, "no answer arrived in time") ?? new JiraError
        {
            Kind = JiraErrorKind.Timeout,
            Message = $"{Describe(request)}: no answer arrived in time",
        },
        HttpRequestException failure when NeverReachedJira(failure) => new JiraError
        {
            Kind = JiraErrorKind.Unavailable,
            Message = $"{Describe(request)}: could not connect ({failure.HttpRequestError}: {failure.Message})",
        },
        HttpRequestException or IOException => Lost(request, $"the connection failed ({exception.Message})") ?? new JiraError
        {
            Kind = JiraErrorKind.Unavailable,
            Message = $"{Describe(request)}: the connection failed ({exception.Message})",
        },
        _ => null,
    };

    /// <summary>The request never left this process: no connection could be made, so nothing reached Jira.</summary>
    public static bool NeverReachedJira(HttpRequestException failure) => failure.HttpRequestError
        is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    public static async Task<JiraError> FromResponseAsync(HttpRequestMessage request, HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (messages, errors) = await JiraErrorBody.ReadAsync(response, cancellationToken);
        var status = (int)response.StatusCode;
        var kind = status switch
        {
            400 or 422 => JiraErrorKind.BadRequest,
            401 => JiraErrorKind.Unauthorized,
            403 => JiraErrorKind.Forbidden,
            404 => JiraErrorKind.NotFound,
            409 => JiraErrorKind.Conflict,
            410 => JiraErrorKind.Gone,
            413 => JiraErrorKind.PayloadTooLarge,
            429 => JiraErrorKind.RateLimited,
            // 503 means "not processed" (it is retried even for POSTs); 500/502/504 may come after Jira acted.
            500 or 502 or 504 when !JiraRequestOptions.IsIdempotent(request) => JiraErrorKind.OutcomeUnknown,
            408 or >= 500 => JiraErrorKind.Unavailable,
            _ => JiraErrorKind.Unexpected,
        };
        var detail = messages.FirstOrDefault() ?? errors.Select(e => $"{e.Key}: {e.Value}").FirstOrDefault();
        var message = $"{Describe(request)}: Jira answered {status} {response.ReasonPhrase}".TrimEnd()
            + (detail is null ? "" : $": {detail}")
            + (kind == JiraErrorKind.OutcomeUnknown ? "; it may have acted on the request" : "");
        return new JiraError
        {
            Kind = kind,
            Status = status,
            Message = message,
            ErrorMessages = messages,
            Errors = errors,
            RetryAfter = status is 429 or 503 ? RateLimitHeaders.RetryAfter(response, clock) : null,
            RateLimitReason = RateLimitHeaders.Reason(response),
        };
    }

    /// <summary>A success status whose body could not be read or parsed.</summary>
    public static JiraError Unreadable(HttpRequestMessage request, HttpResponseMessage response, string detail)
    {
        var status = (int)response.StatusCode;
        return Lost(request, $"Jira answered {status} but its body was unreadable ({detail})", status) ?? new JiraError
        {
            Kind = JiraErrorKind.InvalidResponse,
            Status = status,
            Message = $"{Describe(request)}: Jira answered {status} but its body was unreadable ({detail})",
        };
    }

    /// <summary>For a request that may have changed something, a lost answer means the outcome is unknown.</summary>
    private static JiraError? Lost(HttpRequestMessage request, string what, int? status = null) =>
        JiraRequestOptions.IsIdempotent(request) ? null : new JiraError
        {
            Kind = JiraErrorKind.OutcomeUnknown,
            Status = status,
            Message = $"{Describe(request)}: {what}; Jira may or may not have acted on it, so it was not sent again",
        };

    /// <summary>Method and URL without the query; never a credential (those travel in headers only).</summary>
    public static string Describe(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri?.GetLeftPart(UriPartial.Path)}";
}
