using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// What an operator may widen, explicitly: <c>Transport:AllowedNetworks</c> lets internal networks be reached, and
/// <c>Transport:OutboundProxy</c> sends every guarded request through a forward proxy, whose own address is the
/// operator's choice while the host each request is for is still checked where this node can resolve it.
/// </summary>
public class DestinationPolicyTests
{
    private static readonly Dictionary<string, IPAddress[]> Dns = new()
    {
        ["sync.partner.test"] = [IPAddress.Parse("93.184.216.34")],
        ["internal.partner.test"] = [IPAddress.Parse("10.20.30.40")],
        ["metadata.partner.test"] = [IPAddress.Parse("169.254.169.254")],
        ["outside-only.partner.test"] = [], // what a corporate resolver says of outside names: nothing
    };

    [Test]
    public async Task AllowedNetworks_LetsAnInternalAddressInItsNetworkBeReached_AndNothingElse()
    {
        var resolver = new FixedHostResolver(Dns);
        using var harness = new TransportHarness(false, resolver, more: new() { ["Transport:AllowedNetworks"] = "10.20.0.0/16, 192.168.7.4" });

        Assert.Multiple(() =>
        {
            Assert.That(harness.Guard.Allows(IPAddress.Parse("10.20.30.40")), Is.True);
            Assert.That(harness.Guard.Allows(IPAddress.Parse("::ffff:10.20.1.1")), Is.True, "an IPv4-mapped spelling is judged as IPv4");
            Assert.That(harness.Guard.Allows(IPAddress.Parse("192.168.7.4")), Is.True);
            Assert.That(harness.Guard.Allows(IPAddress.Parse("192.168.7.5")), Is.False);
            Assert.That(harness.Guard.Allows(IPAddress.Parse("10.21.0.1")), Is.False);
            Assert.That(harness.Guard.Allows(IPAddress.Parse("169.254.169.254")), Is.False, "link-local stays refused");
            Assert.That(harness.Guard.Check("https://10.20.0.9/").IsSuccess, Is.True);
            Assert.That(harness.Guard.Check("https://10.30.0.9/").Error?.Message, Does.Contain("private"));
        });
    }

    [TestCase("10.0.0.0/33")]
    [TestCase("not-a-network")]
    [TestCase("10.0.0.1,,bad")]
    public void UnreadableAllowedNetworks_StopStartUpNamingTheSetting(string value)
    {
        using var harness = new TransportHarness(false, more: new() { ["Transport:AllowedNetworks"] = value });
        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => _ = harness.Guard);
        Assert.That(failure!.Message, Does.Contain("Transport:AllowedNetworks"));
    }

    [Test]
    public async Task ThroughTheOutboundProxy_APublicHostIsAskedForAtTheProxy()
    {
        await using var proxy = await FakeProxy.StartAsync();
        using var harness = new TransportHarness(false, new FixedHostResolver(Dns), more: new() { ["Transport:OutboundProxy"] = proxy.Url });

        var result = await harness.Client.GetInfoAsync("https://sync.partner.test/", CancellationToken.None);

        Assert.That(await proxy.FirstLineAsync(), Is.EqualTo("CONNECT sync.partner.test:443 HTTP/1.1"));
        Assert.That(result.Error?.Code, Is.EqualTo("destination_unreachable"), "the proxy answered 502: reached, not refused");
    }

    [Test]
    public async Task ThroughTheOutboundProxy_AHostThatResolvesHereToAnInternalAddress_IsRefused_AndTheProxyIsNotAsked()
    {
        await using var proxy = await FakeProxy.StartAsync();
        using var harness = new TransportHarness(false, new FixedHostResolver(Dns), more: new() { ["Transport:OutboundProxy"] = proxy.Url });

        var result = await harness.Client.GetInfoAsync("https://metadata.partner.test/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(result.Error!.Message, Does.Contain("link-local"));
        Assert.That(proxy.Connections, Is.Zero);
    }

    [Test]
    public async Task ThroughTheOutboundProxy_AnAddressLiteralIsRefusedAsWithoutIt()
    {
        await using var proxy = await FakeProxy.StartAsync();
        using var harness = new TransportHarness(false, new FixedHostResolver(Dns), more: new() { ["Transport:OutboundProxy"] = proxy.Url });

        var result = await harness.Client.GetInfoAsync("https://169.254.169.254/", CancellationToken.None);

        Assert.That(result.Error?.Code, Is.EqualTo("destination_refused"));
        Assert.That(proxy.Connections, Is.Zero);
    }

    [Test]
    public async Task ThroughTheOutboundProxy_ANameThisNodeCannotResolve_IsLeftToTheProxy()
    {
        await using var proxy = await FakeProxy.StartAsync();
        using var harness = new TransportHarness(false, new FixedHostResolver(Dns), more: new() { ["Transport:OutboundProxy"] = proxy.Url });

        _ = await harness.Client.GetInfoAsync("https://outside-only.partner.test/", CancellationToken.None);

        Assert.That(await proxy.FirstLineAsync(), Is.EqualTo("CONNECT outside-only.partner.test:443 HTTP/1.1"));
    }

    /// <summary>A forward proxy on loopback that records the first line of each request and refuses it with 502.</summary>
    private sealed class FakeProxy : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource stop = new();
        private int connections;
        private Task loop = Task.CompletedTask;

        public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        public int Connections => Volatile.Read(ref connections);

        public static Task<FakeProxy> StartAsync()
        {
            var proxy = new FakeProxy();
            proxy.listener.Start();
            proxy.loop = proxy.AcceptAsync();
            return Task.FromResult(proxy);
        }

        public Task<string> FirstLineAsync() => firstLine.Task.WaitAsync(TimeSpan.FromSeconds(30));

        private async Task AcceptAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    Interlocked.Increment(ref connections);
                    await using var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                    firstLine.TrySetResult(await reader.ReadLineAsync(stop.Token) ?? "");
                    await stream.WriteAsync("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (SocketException) { }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            await loop;
            stop.Dispose();
        }
    }
}
