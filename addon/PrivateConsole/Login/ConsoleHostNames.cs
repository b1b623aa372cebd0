using System.Net;
using System.Net.NetworkInformation;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// The names the console answers changes under: any IP address (what a browser sends when the console is opened by
/// address), <c>localhost</c> and its subdomains (RFC 6761), the machine's own name and fully qualified name, and the
/// names listed in <see cref="ConsoleOptions.Hosts"/>. Anything else is a name some other page chose.
/// </summary>
public sealed class ConsoleHostNames
{
    private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

    public ConsoleHostNames(IOptions<ConsoleOptions> options)
    {
        MachineName = Dns.GetHostName();
        names.Add(MachineName);
        names.Add(Environment.MachineName);
        var domain = IPGlobalProperties.GetIPGlobalProperties().DomainName;
        if (!string.IsNullOrEmpty(domain))
            names.Add(MachineName + "." + domain.TrimStart('.'));
        foreach (var name in (options.Value.Hosts ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            names.Add(name.TrimEnd('.'));
    }

    public string MachineName { get; }

    public bool IsOwn(string host)
    {
        var name = host.Trim('[', ']').TrimEnd('.');
        return IPAddress.TryParse(name, out _)
               || name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
               || names.Contains(name);
    }
}
