using System.Net;
using System.Net.Sockets;
using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport;

/// <summary>
/// The defence against server-side request forgery for URLs an admin types (DESIGN §9): this node must never be made to
/// call its own host, its network or the cloud metadata service. <see cref="Check"/> refuses what the URL alone shows
/// (scheme, credentials, an address literal, a localhost name); <see cref="ConnectAsync"/> refuses what DNS answers, at
/// the moment of connecting, and connects to exactly the addresses it checked, so a name that changes its answer
/// between a check and the connection (DNS rebinding) gains nothing. Any port is allowed: the address rule is what protects.
/// </summary>
public sealed class DestinationUrlGuard
{
    private const int MaxUrlLength = 2000;
    private readonly IHostAddressResolver resolver;

    public DestinationUrlGuard(IOptions<TransportOptions> options, IHostAddressResolver resolver, ILogger<DestinationUrlGuard> logger)
    {
        this.resolver = resolver;
        AllowsInsecureDestinations = options.Value.AllowInsecureDestinations;
        if (AllowsInsecureDestinations)
            logger.LogWarning("Transport:AllowInsecureDestinations is on: destination URLs may use plain http and reach loopback addresses. Use it in development only.");
    }

    /// <summary>Plain http and loopback addresses are allowed (development only, <see cref="TransportOptions.AllowInsecureDestinations"/>).</summary>
    public bool AllowsInsecureDestinations { get; }

    /// <summary>The URL, parsed, when nothing in it is refused; else 400 <c>destination_refused</c> with the reason.</summary>
    public Result<Uri> Check(string? url)
    {
        var text = url?.Trim();
        if (string.IsNullOrEmpty(text))
            return DestinationErrors.Refused("no URL was given; enter the other node's address, e.g. https://sync.example.com.");
        if (text.Length > MaxUrlLength)
            return DestinationErrors.Refused($"it is longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
            return DestinationErrors.Refused("it is not an absolute URL; enter it with its scheme, e.g. https://sync.example.com.");
        if (uri.Scheme == Uri.UriSchemeHttp && !AllowsInsecureDestinations)
            return DestinationErrors.Refused("it must use https, not plain http.");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return DestinationErrors.Refused($"only https URLs can be reached, not '{uri.Scheme}'.");
        // A user name or password would travel to the destination and into logs; nodes never need one.
        if (uri.UserInfo.Length > 0)
            return DestinationErrors.Refused("it must not carry a user name or password.");
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return DestinationErrors.Refused("a node's URL has no query or fragment.");

        // IdnHost turns every numeric form the parser accepts (2130706433, 0x7f000001, 127.1, full-width digits) into dotted decimal.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        var kind = IPAddress.TryParse(host, out var address) ? DestinationAddresses.Classify(address)
            : IsLocalhostName(host) ? DestinationAddressKind.Loopback
            : DestinationAddressKind.Public; // a name: judged by what it resolves to, when connecting
        return Allows(kind) ? uri : DestinationErrors.Refused($"{host} is {DestinationAddresses.Describe(kind)}; {PublicOnly}");
    }

    /// <summary>Whether an address of this kind may be reached: public ones, and loopback in development.</summary>
    public bool Allows(DestinationAddressKind kind) =>
        kind == DestinationAddressKind.Public || (kind == DestinationAddressKind.Loopback && AllowsInsecureDestinations);

    /// <summary>
    /// The handler of every request to a destination: it connects only through <see cref="ConnectAsync"/>, follows no
    /// redirect (the target of one was never checked), and uses no proxy (a proxy would connect where we cannot see).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None, // size limits then count the bytes that arrive
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };

    /// <summary>Resolves the host, refuses it unless every address passes, and connects to those same addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IsLocalhostName(host) ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : await resolver.ResolveAsync(host, cancel);
        // Every address must pass, not just the first: a rebinding name may answer a public and a private one together.
        foreach (var address in addresses)
        {
            var kind = DestinationAddresses.Classify(address);
            if (!Allows(kind))
                throw new DestinationRefusedException($"{host} resolves to {DestinationAddresses.Describe(kind)}; {PublicOnly}");
        }
        return await ConnectToAnyAsync(addresses, port, cancel);
    }

    private const string PublicOnly = "only nodes at public addresses can be reached.";

    // RFC 6761 §6.3: these names are loopback whatever a resolver says.
    private static bool IsLocalhostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Stream> ConnectToAnyAsync(IPAddress[] addresses, int port, CancellationToken cancel)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
