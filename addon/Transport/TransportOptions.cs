namespace ConnectAddon.Transport;

/// <summary>Settings of the node-to-node transport, read from <c>Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>
    /// Development only: lets destination URLs use plain <c>http</c> and reach loopback addresses (127.0.0.0/8, ::1,
    /// <c>localhost</c>), so two nodes can run on one machine. Private, link-local and other internal addresses stay
    /// refused either way. Never set it on a node that people outside your team can reach: the URL guard is what stops
    /// an admin from making this node call its own host (DESIGN §9).
    /// </summary>
    public bool AllowInsecureDestinations { get; set; }

    /// <summary>How long reading a destination's <c>/transport/v1/info</c> may take, connecting included.</summary>
    public TimeSpan InfoTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
