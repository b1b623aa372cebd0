using System.Net;

namespace ConnectAddon.Transport;

/// <summary>
/// Classifies IP addresses for the destination URL guard: a pure function, so every range is tested without a network.
/// The ranges are IANA's special-purpose registries (RFC 6890 and its updates) for IPv4 and IPv6; anything in them is
/// inside someone's network or not a unicast host, so a request to it could only reach what this node can see.
/// </summary>
public static class DestinationAddresses
{
    // First match wins: the broadcast address before the reserved block that holds it.
    private static readonly (IPNetwork Network, DestinationAddressKind Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), DestinationAddressKind.Unspecified), // "this network"; 0.0.0.0 reaches the local host on Linux
        (IPNetwork.Parse("10.0.0.0/8"), DestinationAddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), DestinationAddressKind.CarrierGradeNat),
        (IPNetwork.Parse("127.0.0.0/8"), DestinationAddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), DestinationAddressKind.LinkLocal), // holds the cloud metadata address 169.254.169.254
        (IPNetwork.Parse("172.16.0.0/12"), DestinationAddressKind.Private),
        (IPNetwork.Parse("192.0.0.0/24"), DestinationAddressKind.Reserved), // IETF protocol assignments
        (IPNetwork.Parse("192.0.2.0/24"), DestinationAddressKind.Reserved), // documentation
        (IPNetwork.Parse("192.88.99.0/24"), DestinationAddressKind.Reserved), // 6to4 relay anycast (deprecated)
        (IPNetwork.Parse("192.168.0.0/16"), DestinationAddressKind.Private),
        (IPNetwork.Parse("198.18.0.0/15"), DestinationAddressKind.Reserved), // benchmarking
        (IPNetwork.Parse("198.51.100.0/24"), DestinationAddressKind.Reserved), // documentation
        (IPNetwork.Parse("203.0.113.0/24"), DestinationAddressKind.Reserved), // documentation
        (IPNetwork.Parse("224.0.0.0/4"), DestinationAddressKind.Multicast),
        (IPNetwork.Parse("255.255.255.255/32"), DestinationAddressKind.Broadcast),
        (IPNetwork.Parse("240.0.0.0/4"), DestinationAddressKind.Reserved),

        (IPNetwork.Parse("::/128"), DestinationAddressKind.Unspecified),
        (IPNetwork.Parse("::1/128"), DestinationAddressKind.Loopback),
        (IPNetwork.Parse("::/96"), DestinationAddressKind.Reserved), // IPv4-compatible (deprecated); mapped ::ffff:0:0/96 is unwrapped first
        (IPNetwork.Parse("64:ff9b:1::/48"), DestinationAddressKind.Private), // local-use NAT64
        (IPNetwork.Parse("100::/64"), DestinationAddressKind.Reserved), // discard-only
        (IPNetwork.Parse("2001::/32"), DestinationAddressKind.Reserved), // Teredo: hides an IPv4 address we cannot check
        (IPNetwork.Parse("2001:db8::/32"), DestinationAddressKind.Reserved), // documentation
        (IPNetwork.Parse("fc00::/7"), DestinationAddressKind.Private), // unique local
        (IPNetwork.Parse("fe80::/10"), DestinationAddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), DestinationAddressKind.Private), // site-local (deprecated, still routed in places)
        (IPNetwork.Parse("ff00::/8"), DestinationAddressKind.Multicast),
    ];

    // IPv6 prefixes that carry an IPv4 address a gateway would forward to: judged by that IPv4 address.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96"); // IPv4-translated (RFC 2765, SIIT)
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static DestinationAddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            return Classify(address.MapToIPv4());
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address) || Translated.Contains(address))
                return Classify(new IPAddress(bytes.AsSpan(12, 4)));
            if (SixToFour.Contains(address))
                return Classify(new IPAddress(bytes.AsSpan(2, 4)));
        }
        foreach (var (network, kind) in Ranges)
            if (network.Contains(address))
                return kind;
        return DestinationAddressKind.Public;
    }

    /// <summary>The kind in words, for refusal messages: "a loopback address".</summary>
    public static string Describe(DestinationAddressKind kind) => kind switch
    {
        DestinationAddressKind.Loopback => "a loopback address",
        DestinationAddressKind.Private => "a private address",
        DestinationAddressKind.LinkLocal => "a link-local address",
        DestinationAddressKind.Unspecified => "an unspecified address",
        DestinationAddressKind.Multicast => "a multicast address",
        DestinationAddressKind.Broadcast => "a broadcast address",
        DestinationAddressKind.CarrierGradeNat => "a carrier-grade NAT address",
        DestinationAddressKind.Reserved => "a reserved address",
        _ => "a public address",
    };
}
