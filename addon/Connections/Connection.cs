using ConnectAddon.Connections.Invitations;

namespace ConnectAddon.Connections;

/// <summary>
/// The pairing of a tenant on a public node with a private node (DESIGN §2), as either side stores it. The
/// connection key is not part of it: it is read only where exchanges are signed.
/// </summary>
public sealed record Connection
{
    public required string Id { get; init; }
    /// <summary><see cref="ConnectionSide"/>.</summary>
    public required string Side { get; init; }
    /// <summary>The tenant, on the public side; null on the private side.</summary>
    public string? ClientKey { get; init; }
    public required string Name { get; init; }
    public string Mode { get; init; } = "basic";
    public string Type { get; init; } = "private";
    /// <summary><see cref="ConnectionStatus"/>.</summary>
    public required string Status { get; init; }
    public string? StatusReason { get; init; }
    public required ConnectionProject LocalProject { get; init; }
    /// <summary>The other node's name once known: the private node's on the public side, the public node's on the private side.</summary>
    public string? RemoteNodeName { get; init; }
    public string? RemoteNodeVersion { get; init; }
    /// <summary>Which Jira the other side runs, as its node said ("Jira Data Center 9.12.15"); null when not said.</summary>
    public string? RemoteJira { get; init; }
    public string? RemoteProjectKey { get; init; }
    public string? RemoteProjectName { get; init; }
    /// <summary>Private side: the public node's base URL.</summary>
    public string? RemoteBaseUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ActivatedAt { get; init; }
    /// <summary>When the peer was last heard from: public side, when the private node last exchanged; private side, its last successful exchange.</summary>
    public DateTimeOffset? LastPolledAt { get; init; }
    /// <summary>Private side: the poller's last failure, cleared by its next successful exchange.</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    /// <summary>Public side: the invitation that created it; null on the private side.</summary>
    public Invitation? Invitation { get; init; }
}
