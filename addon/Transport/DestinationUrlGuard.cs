using System.Net;
using System.Net.Sockets;
using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport;

/// <summary>
/// The defence against server-side request forgery for every URL this node did not configure itself (DESIGN §9): a
/// destination an admin typed, the public node an invitation code names, a Jira site's base URL. This node must never
/// be made to call its own host, its network or the cloud metadata service. <see cref="Check"/> refuses what the URL
/// alone shows (scheme, credentials, an address literal in any spelling, a localhost name); <see cref="ConnectAsync"/>
/// refuses what DNS answers, at the moment of connecting, and connects to exactly the addresses it checked, so a name
/// that changes its answer between a check and the connection (DNS rebinding) gains nothing. No client that uses it
/// follows redirects, whose targets were never checked. Any port is allowed: the address rule is what protects.
/// <para>
/// The operator may widen it, explicitly: <see cref="TransportOptions.AllowedNetworks"/> names internal networks that
/// may be reached, <see cref="TransportOptions.OutboundProxy"/> sends every request through a forward proxy (itself
/// internal, by the operator's choice), and <see cref="TransportOptions.AllowInsecureDestinations"/> (development)
/// allows plain http and loopback.
/// </para>
/// </summary>
public sealed class DestinationUrlGuard
{
    private const int MaxUrlLength = 2000;
    private readonly IHostAddressResolver resolver;
    private readonly IReadOnlyList<IPNetwork> allowedNetworks;
    private readonly Uri? proxy;

    public DestinationUrlGuard(IOptions<TransportOptions> options, IHostAddressResolver resolver, ILogger<DestinationUrlGuard> logger)
    {
        this.resolver = resolver;
        AllowsInsecureDestinations = options.Value.AllowInsecureDestinations;
        allowedNetworks = options.Value.Networks;
        proxy = options.Value.Proxy;
        if (AllowsInsecureDestinations)
            logger.LogWarning("Insecure destinations are allowed (Transport:AllowInsecureDestinations or PrivateNode:AllowInsecurePublicNode): " +
                              "outbound calls may use plain http and reach loopback addresses. Use it in development only.");
        if (allowedNetworks.Count > 0)
            logger.LogInformation("Outbound calls may reach these internal networks (Transport:AllowedNetworks): {Networks}", string.Join(", ", allowedNetworks));
        if (proxy is not null)
            logger.LogInformation("Outbound calls go through the proxy {Proxy} (Transport:OutboundProxy)", proxy.GetLeftPart(UriPartial.Authority));
        else if (Environment.GetEnvironmentVariable("HTTPS_PROXY") is { Length: > 0 } || Environment.GetEnvironmentVariable("https_proxy") is { Length: > 0 })
            logger.LogWarning("HTTPS_PROXY is set but not used: outbound calls to other nodes and Jira sites go through a proxy only when Transport:OutboundProxy names it.");
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
        return Check(uri);
    }

    /// <inheritdoc cref="Check(string?)"/>
    public Result<Uri> Check(Uri uri) => Refusal(uri) is { } reason ? DestinationErrors.Refused(reason) : uri;

    /// <summary>Why <paramref name="uri"/> may not be called, judging the URL alone; null when nothing in it is refused.</summary>
    public string? Refusal(Uri uri)
    {
        if (uri.Scheme == Uri.UriSchemeHttp && !AllowsInsecureDestinations)
            return "it must use https, not plain http.";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return $"only https URLs can be reached, not '{uri.Scheme}'.";
        // A user name or password would travel to the destination and into logs; nodes never need one.
        if (uri.UserInfo.Length > 0)
            return "it must not carry a user name or password.";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return "a node's URL has no query or fragment.";
        return HostRefusal(uri);
    }

    /// <summary>Why the URL's host may not be reached, judging what it literally is; null for a name (judged when connecting) or an allowed address.</summary>
    private string? HostRefusal(Uri uri)
    {
        // IdnHost turns every numeric form the parser accepts (2130706433, 0x7f000001, 127.1, full-width digits) into dotted decimal.
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.IdnHost;
        if (IPAddress.TryParse(host, out var address))
            return Allows(address) ? null : $"{host} is {DestinationAddresses.Describe(DestinationAddresses.Classify(address))}; {PublicOnly}";
        return IsLocalhostName(host) && !AllowsInsecureDestinations ? $"{host} is a loopback address; {PublicOnly}" : null;
    }

    /// <summary>Whether an address of this kind may be reached: public ones, and loopback in development.</summary>
    public bool Allows(DestinationAddressKind kind) =>
        kind == DestinationAddressKind.Public || (kind == DestinationAddressKind.Loopback && AllowsInsecureDestinations);

    /// <summary>Whether this address may be reached: by its kind, or because it lies in a network the operator allowed.</summary>
    public bool Allows(IPAddress address) => Allows(DestinationAddresses.Classify(address)) || NetworkList.Contains(allowedNetworks, address);

    /// <summary>
    /// The handler of every guarded client: it connects only through <see cref="ConnectAsync"/>, follows no redirect
    /// (the target of one was never checked), and uses no proxy but <see cref="TransportOptions.OutboundProxy"/>.
    /// </summary>
    /// <param name="pooledConnectionLifetime">How long a connection is reused before the name is resolved and checked again.</param>
    public HttpMessageHandler CreateHandler(TimeSpan? pooledConnectionLifetime = null)
    {
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = proxy is not null,
            Proxy = proxy is null ? null : new WebProxy(proxy),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None, // size limits then count the bytes that arrive
            PooledConnectionLifetime = pooledConnectionLifetime ?? TimeSpan.FromMinutes(1),
        };
        // Through a proxy the connect callback sees only the proxy (the tunnel's CONNECT request names it, not the
        // request), so each request's own host is checked before it enters the handler.
        return proxy is null ? sockets : new ProxiedRequestCheck(this, sockets);
    }

    /// <summary>
    /// Resolves the host, refuses it unless every address passes, and connects to those same addresses. Through the
    /// outbound proxy, the connection goes to the proxy: the operator named it, and each request's host was checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        if (proxy is not null && IsProxy(host, port))
            return await ConnectToAnyAsync(await resolver.ResolveAsync(host, cancel), port, cancel);
        var addresses = IsLocalhostName(host) ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : await resolver.ResolveAsync(host, cancel);
        // Every address must pass, not just the first: a rebinding name may answer a public and a private one together.
        foreach (var address in addresses)
            if (!Allows(address))
                throw new DestinationRefusedException($"{host} resolves to {DestinationAddresses.Describe(DestinationAddresses.Classify(address))}; {PublicOnly}");
        return await ConnectToAnyAsync(addresses, port, cancel);
    }

    private bool IsProxy(string host, int port) =>
        string.Equals(host, proxy!.IdnHost, StringComparison.OrdinalIgnoreCase) && port == proxy.Port;

    // Behind a proxy the name is resolved by the proxy; where this node's resolver answers too, its answer must pass
    // (a corporate resolver that knows no outside names answers nothing, and then the proxy decides).
    internal async Task CheckBehindProxyAsync(Uri target, CancellationToken cancel)
    {
        if (HostRefusal(target) is { } literal)
            throw new DestinationRefusedException(literal);
        if (IPAddress.TryParse(target.IdnHost, out _) || IsLocalhostName(target.IdnHost))
            return;
        IPAddress[] addresses;
        try
        {
            addresses = await resolver.ResolveAsync(target.IdnHost, cancel);
        }
        catch (SocketException)
        {
            return;
        }
        if (addresses.Length == 0)
            return;
        foreach (var address in addresses)
            if (!Allows(address))
                throw new DestinationRefusedException($"{target.IdnHost} resolves to {DestinationAddresses.Describe(DestinationAddresses.Classify(address))}; {PublicOnly}");
    }

    private const string PublicOnly = "only public addresses can be reached (Transport:AllowedNetworks lists internal networks that may be).";

    // RFC 6761 §6.3: these names are loopback whatever a resolver says.
    private static bool IsLocalhostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The refusal inside an exception chain from a guarded client, if that is why the request failed.</summary>
    public static DestinationRefusedException? RefusalIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DestinationRefusedException refused)
                return refused;
        return null;
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
