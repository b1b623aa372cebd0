using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Jira;

/// <summary>
/// What a request to Jira carries for the handlers below <see cref="JiraClient"/>: who to authenticate as, which
/// site's circuit it belongs to, and whether it is safe to send again.
/// </summary>
public static class JiraRequestOptions
{
    /// <summary>The tenant a request to Jira is made for; <see cref="ConnectJwtSigner"/> signs with its secret.</summary>
    public static readonly HttpRequestOptionsKey<Tenant> Tenant = new("ConnectAddon.Jira.Tenant");

    /// <summary>The site and its authentication; the credentials handler and the per-site circuit read it.</summary>
    public static readonly HttpRequestOptionsKey<JiraTarget> Target = new("ConnectAddon.Jira.Target");

    /// <summary>A POST that changes nothing (JQL search, permission check), so it is as safe to repeat as a GET.</summary>
    internal static readonly HttpRequestOptionsKey<bool> ReadOnly = new("ConnectAddon.Jira.ReadOnly");

    /// <summary>The body is a stream that cannot be rewound, so the request can never be sent a second time.</summary>
    internal static readonly HttpRequestOptionsKey<bool> BodyNotReplayable = new("ConnectAddon.Jira.BodyNotReplayable");

    /// <summary>Attachment bytes travel: the longer transfer timeout applies.</summary>
    internal static readonly HttpRequestOptionsKey<bool> Transfer = new("ConnectAddon.Jira.Transfer");

    /// <summary>The response body is handed to the caller as a stream, never buffered.</summary>
    internal static readonly HttpRequestOptionsKey<bool> StreamResponse = new("ConnectAddon.Jira.StreamResponse");

    /// <summary>
    /// Safe to repeat after a failure whose outcome is unknown: GET, HEAD, OPTIONS, PUT and DELETE are idempotent
    /// (RFC 9110 §9.2.2), as are POSTs marked <see cref="ReadOnly"/>. Any other POST may have been processed.
    /// </summary>
    public static bool IsIdempotent(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
        || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || Flag(request, ReadOnly);

    /// <summary>Whether the body (if any) can be sent again: false for uploads from a stream that cannot seek.</summary>
    public static bool CanResend(HttpRequestMessage request) => !Flag(request, BodyNotReplayable);

    /// <summary>The circuit this request belongs to: its target's site, or else the URL's scheme and authority.</summary>
    public static string SiteKey(HttpRequestMessage request) =>
        request.Options.TryGetValue(Target, out var target) ? target.SiteKey
        : request.RequestUri?.GetLeftPart(UriPartial.Authority).ToLowerInvariant() ?? "";

    internal static bool Flag(HttpRequestMessage request, HttpRequestOptionsKey<bool> key) =>
        request.Options.TryGetValue(key, out var value) && value;
}
