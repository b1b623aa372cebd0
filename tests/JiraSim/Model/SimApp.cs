using System.Text.Json.Nodes;

namespace JiraSim.Model;

/// <summary>A Connect app installed on a site: what Jira keeps of it after the install handshake.</summary>
public sealed record SimApp
{
    public required string Key { get; init; }
    public required Uri BaseUrl { get; init; }
    public required string SharedSecret { get; init; }
    /// <summary>The account the app acts as; its writes are authored by this user (accountType "app").</summary>
    public required string UserAccountId { get; init; }
    public required JsonObject Descriptor { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>The webhook URLs the descriptor subscribes to, by event name.</summary>
    public IEnumerable<(string Event, Uri Url)> Webhooks =>
        (Descriptor["modules"]?["webhooks"] as JsonArray ?? [])
        .Select(w => (w!["event"]!.GetValue<string>(), new Uri(BaseUrl.ToString().TrimEnd('/') + w["url"]!.GetValue<string>())));
}
