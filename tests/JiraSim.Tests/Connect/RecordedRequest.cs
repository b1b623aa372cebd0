using System.Text.Json.Nodes;

namespace JiraSim.Tests.Connect;

/// <summary>A request the <see cref="RecordingApp"/> received, and the status it answered.</summary>
/// <param name="Path">Relative to the app's base URL: "/lifecycle/installed".</param>
/// <param name="RawTarget">Exactly as sent, with the base URL's path and the query.</param>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Body, IReadOnlyDictionary<string, string> Headers, int Answer)
{
    /// <summary>The token of <c>Authorization: JWT …</c>, or null.</summary>
    public string? Token =>
        Headers.TryGetValue("Authorization", out var value) && value.StartsWith("JWT ", StringComparison.Ordinal) ? value[4..] : null;

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public string? WebhookIdentifier => Header("X-Atlassian-Webhook-Identifier");

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
