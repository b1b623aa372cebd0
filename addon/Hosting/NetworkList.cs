using System.Net;

namespace ConnectAddon.Hosting;

/// <summary>
/// A setting that lists addresses and networks, as an operator writes it: one value with commas
/// (<c>--Transport:AllowedNetworks 10.20.0.0/16,192.168.7.4</c>) or a configuration array (<c>…:0</c>, <c>…:1</c>).
/// A bare address is a network of one. Every entry is checked at start-up; a wrong one names the setting.
/// </summary>
public static class NetworkList
{
    /// <summary>The entries of <paramref name="key"/> in either form, parsed; each unreadable one adds a problem naming the key.</summary>
    public static IReadOnlyList<IPNetwork> Read(IConfiguration config, string key, List<string> problems)
    {
        var entries = Entries(config[key]).ToList();
        foreach (var child in config.GetSection(key).GetChildren())
            entries.AddRange(Entries(child.Value));
        return Parse(entries, key, problems);
    }

    /// <summary>The comma-separated entries of one value.</summary>
    public static IEnumerable<string> Entries(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> entries, string key, List<string> problems)
    {
        var networks = new List<IPNetwork>();
        foreach (var text in entries)
        {
            if (IPNetwork.TryParse(text, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(text, out var address))
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else
                problems.Add($"{key}: '{text}' is neither an IP address nor a network in CIDR form (such as 10.20.0.0/16)");
        }
        return networks;
    }

    /// <summary>Whether <paramref name="address"/> (an IPv4-mapped one judged as IPv4) lies in one of <paramref name="networks"/>.</summary>
    public static bool Contains(IReadOnlyList<IPNetwork> networks, IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in networks)
            if (network.Contains(plain))
                return true;
        return false;
    }
}
