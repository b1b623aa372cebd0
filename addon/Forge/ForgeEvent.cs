using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Hosting;

namespace ConnectAddon.Forge;

/// <summary>
/// A Jira event as a Forge trigger delivers it ("Jira events", events-reference/jira): only its identities are kept,
/// as with a webhook. The body may come wrapped in <c>payload</c> (as the retry example of "Sending product events"
/// shows it) or not; both are read. A redelivery carries <c>retryContext</c>; without it the event is the same, so its
/// delivery id (a hash of the event without it) recognises the retry.
/// </summary>
public static class ForgeEvent
{
    private static readonly HashSet<string> IssueEvents = new(StringComparer.Ordinal)
    {
        "avi:jira:created:issue", "avi:jira:updated:issue", "avi:jira:deleted:issue", "avi:jira:commented:issue", "avi:jira:deleted:comment",
    };

    // An attachment event's body may not name its issue; the avi:jira:updated:issue that accompanies it does.
    private static readonly HashSet<string> AttachmentEvents = new(StringComparer.Ordinal) { "avi:jira:created:attachment", "avi:jira:deleted:attachment" };

    /// <summary>The notice, or null for an event the sync does not use; 400 for a body that is no event.</summary>
    public static Result<WebhookNotice?> Parse(JsonElement body)
    {
        var @event = Unwrapped(body);
        if (!@event.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String)
            return ApiError.BadRequest("The event has no eventType.");
        var name = type.GetString()!;
        var attachment = AttachmentEvents.Contains(name);
        if (!attachment && !IssueEvents.Contains(name))
            return (WebhookNotice?)null;
        var notice = WebhookNotice.OfIssue(@event, name, issueOptional: attachment, "event");
        return notice.IsSuccess ? notice.Value : notice.Error;
    }

    /// <summary>The same for every delivery of one event, and for no other event.</summary>
    public static string DeliveryId(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        node.Remove("retryContext");
        if (node["payload"] is JsonObject payload)
            payload.Remove("retryContext");
        return "forge:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())));
    }

    private static JsonElement Unwrapped(JsonElement body) =>
        body.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("eventType", out _) ? payload : body;
}
