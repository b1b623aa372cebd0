namespace ConnectAddon.Jira;

/// <summary>Why a call to Jira did not give its value; what the caller should do differs by kind.</summary>
public enum JiraErrorKind
{
    /// <summary>400 or 422: Jira refused the request as written (its <c>errors</c> say which field). Do not repeat it unchanged.</summary>
    BadRequest,
    /// <summary>401: the JWT or the credentials were refused.</summary>
    Unauthorized,
    /// <summary>403: authenticated, but not allowed.</summary>
    Forbidden,
    /// <summary>404: missing, or not visible to the caller: Jira answers both the same way.</summary>
    NotFound,
    /// <summary>409: the resource changed or is locked.</summary>
    Conflict,
    /// <summary>410: a retired endpoint (for example the old <c>/rest/api/3/search</c>).</summary>
    Gone,
    /// <summary>413: too large, too many files, or a per-issue limit (5,000 comments, 2,000 attachments) reached.</summary>
    PayloadTooLarge,
    /// <summary>429 that was not (or no longer) worth waiting for in-line; see <see cref="JiraError.RetryAfter"/> and <see cref="JiraError.RateLimitReason"/>.</summary>
    RateLimited,
    /// <summary>Jira or the network failed (5xx, 408, connection errors) and retries did not help; nothing was changed.</summary>
    Unavailable,
    /// <summary>No answer in time, after the retries that were safe to make.</summary>
    Timeout,
    /// <summary>
    /// A request that changes something (a POST) was sent but its answer was lost (connection dropped, timeout, 500/502/504,
    /// an unreadable success body). Jira may or may not have acted: look at what exists before sending it again.
    /// </summary>
    OutcomeUnknown,
    /// <summary>The site failed repeatedly, so its circuit is open: calls fail fast without reaching it for a while.</summary>
    CircuitOpen,
    /// <summary>A success status with a body that is not what the API documents.</summary>
    InvalidResponse,
    /// <summary>Any other status.</summary>
    Unexpected,
    /// <summary>
    /// A site installed through Forge, without an app token young enough to use: nothing was sent. Forge hands one out
    /// with each invocation (a page opened in Jira, an event, the hourly scheduled call); the work waits for it.
    /// </summary>
    AppTokenUnavailable,
}
