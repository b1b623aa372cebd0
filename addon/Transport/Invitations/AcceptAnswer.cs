using System.Text.Json;

namespace ConnectAddon.Transport.Invitations;

/// <summary>
/// What a successful accept answers (Connections/README.md). It is stored with the consumed invitation and replayed,
/// byte for byte, to a retry with the same nonce. It holds nothing secret: the key is derived on both sides.
/// </summary>
public sealed record AcceptAnswer(
    string ConnectionId, string Name, string Mode, string Type, AcceptAnswer.Node PublicNode, AcceptAnswer.Project PublicProject,
    AcceptAnswer.Site? PublicSite = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public sealed record Node(string Name, string Version, string BaseUrl);

    public sealed record Project(string Key, string Name);

    /// <summary>The Jira site the connection's project is on: its own title (null when Jira did not say) and address.</summary>
    public sealed record Site(string? Title, string Url)
    {
        /// <summary>How the partner's console names the other side: "ACME Jira (acme.atlassian.net)".</summary>
        public string DisplayName()
        {
            var address = Uri.TryCreate(Url, UriKind.Absolute, out var url) ? (url.Authority + url.AbsolutePath).TrimEnd('/') : Url;
            return string.IsNullOrWhiteSpace(Title) ? address : $"{Title.Trim()} ({address})";
        }
    }
}
