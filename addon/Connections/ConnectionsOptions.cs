namespace ConnectAddon.Connections;

/// <summary>Settings of connections and invitations, read from the <c>Connections</c> section and checked at start.</summary>
public sealed class ConnectionsOptions
{
    public const string Section = "Connections";

    /// <summary>How long an invitation code can be accepted (DESIGN §6: 72 h by default). <c>Connections:InvitationLifetime</c>, as <c>d.hh:mm:ss</c>.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromHours(72);

    /// <summary>
    /// How long an active connection's peer may go unheard before the Connections list shows it as <c>error</c>.
    /// <c>Connections:PeerSilenceLimit</c>, as <c>d.hh:mm:ss</c>; 5 minutes by default.
    /// </summary>
    public TimeSpan PeerSilenceLimit { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Why the section could not be bound (a value that is not a TimeSpan), reported by the validator rather than thrown at first use.</summary>
    internal string? BindingProblem { get; set; }
}
