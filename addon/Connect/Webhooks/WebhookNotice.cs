using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Webhooks;

/// <summary>
/// What we keep of a webhook: only identities (DESIGN §7a: bodies come in the REST v2 shape and may be stale; the
/// sync reads the current state through REST v3). <see cref="IssueId"/> is null for an attachment event whose
/// body does not name its issue; the <c>jira:issue_updated</c> that accompanies it does.
/// </summary>
public sealed partial record WebhookNotice(string EventName, string? IssueId, string? IssueKey)
{
    public static Result<WebhookNotice> Parse(JsonElement body, string expectedEvent)
    {
        if (!body.TryGetProperty("webhookEvent", out var eventName) || eventName.ValueKind != JsonValueKind.String)
            return ApiError.BadRequest("The webhook body has no webhookEvent.");
        if (eventName.GetString() != expectedEvent)
            return ApiError.BadRequest($"The body's webhookEvent '{eventName.GetString()}' does not match this route ('{expectedEvent}').");

        return OfIssue(body, expectedEvent, issueOptional: expectedEvent.StartsWith("attachment_", StringComparison.Ordinal), "webhook");
    }

    /// <summary>
    /// The notice for the <c>issue</c> object of an event body (a Connect webhook's, or a Forge trigger's: both name
    /// the issue by <c>id</c> and <c>key</c>); only ids and keys of Jira's shape are kept.
    /// </summary>
    public static Result<WebhookNotice> OfIssue(JsonElement body, string eventName, bool issueOptional, string what)
    {
        string? issueId = null, issueKey = null;
        if (body.TryGetProperty("issue", out var issue))
        {
            if (issue.ValueKind != JsonValueKind.Object)
                return ApiError.BadRequest($"The {what}'s issue is not an object.");
            issueId = Identity(issue, "id");
            if (issueId is null || !IssueIdPattern().IsMatch(issueId))
                return ApiError.BadRequest($"The {what}'s issue.id is missing or not a Jira issue id (digits).");
            issueKey = Identity(issue, "key");
            if (issueKey is not null && !IssueKeyPattern().IsMatch(issueKey))
                return ApiError.BadRequest($"The {what}'s issue.key is not a Jira issue key.");
        }
        else if (!issueOptional)
            return ApiError.BadRequest($"The {what} body has no issue.");

        return new WebhookNotice(eventName, issueId, issueKey);
    }

    // Jira sends ids as strings; accept numbers too rather than lose a change over a representation.
    private static string? Identity(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex IssueIdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*-[0-9]{1,19}$")]
    private static partial Regex IssueKeyPattern();
}
