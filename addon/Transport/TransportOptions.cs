using System.Net;

namespace ConnectAddon.Transport;

/// <summary>Settings of the node-to-node transport and of every outbound call to a URL this node did not configure, read from <c>Transport</c>.</summary>
public sealed class TransportOptions
{
    public const string Section = "Transport";

    /// <summary>
    /// Development only: lets destination URLs use plain <c>http</c> and reach loopback addresses (127.0.0.0/8, ::1,
    /// <c>localhost</c>), so two nodes can run on one machine. Private, link-local and other internal addresses stay
    /// refused either way. Never set it on a node that people outside your team can reach: the URL guard is what stops
    /// an admin from making this node call its own host (DESIGN §9). On a private node
    /// <c>PrivateNode:AllowInsecurePublicNode</c> turns it on as well.
    /// </summary>
    public bool AllowInsecureDestinations { get; set; }

    /// <summary>
    /// Internal networks this node may reach after all, comma-separated (<c>10.20.0.0/16,192.168.7.4</c>): for a public
    /// node that the private side reaches through an address inside its own network (a VPN, an internal reverse proxy).
    /// Nothing outside them changes: loopback, link-local and the rest stay refused.
    /// </summary>
    public string? AllowedNetworks { get; set; }

    /// <summary>
    /// A forward proxy that every guarded request goes through (<c>http://proxy.corp.example:3128</c>), for networks where
    /// nothing reaches the internet directly. The proxy itself may be internal (the operator named it); the host a request
    /// is for is still checked where this node can resolve it. The <c>HTTPS_PROXY</c> environment variable is not used.
    /// </summary>
    public string? OutboundProxy { get; set; }

    /// <summary>How long reading a destination's <c>/transport/v1/info</c> may take, connecting included.</summary>
    public TimeSpan InfoTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><see cref="AllowedNetworks"/>, parsed; filled by the setup, never bound from configuration.</summary>
    internal IReadOnlyList<IPNetwork> Networks { get; set; } = [];

    /// <summary><see cref="OutboundProxy"/>, parsed; filled by the setup.</summary>
    internal Uri? Proxy { get; set; }

    /// <summary>What could not be read, named by key; start-up stops with it.</summary>
    internal List<string> Problems { get; } = [];
}
