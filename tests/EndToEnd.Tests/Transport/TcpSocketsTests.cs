using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EndToEnd.Tests.Support;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// The socket observer that <see cref="PrivateNodeOutboundOnlyTests"/> relies on, checked against connections whose
/// ends are known: it sees a connection made to a listening socket, and tells the end that accepted it from the end
/// that opened it, so a private node that accepted a connection would be caught.
/// </summary>
[Platform("Linux", Reason = "Sockets are read from /proc.")]
public class TcpSocketsTests
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(30);

    [TestCase(false, TestName = "Observer_ConnectionFromAnIPv4Socket_TellsTheAcceptingEndFromTheOpeningEnd")]
    [TestCase(true, TestName = "Observer_ConnectionFromADualModeSocket_TellsTheAcceptingEndFromTheOpeningEnd")]
    public async Task Observer_ConnectionToAListenerOfThisProcess_TellsTheAcceptingEndFromTheOpeningEnd(bool dualModeClient)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var listening = (IPEndPoint)listener.LocalEndpoint;
        // A dual-mode socket (as HttpClient opens) appears in /proc/net/tcp6 with an IPv4-mapped address.
        using var client = dualModeClient ? new Socket(SocketType.Stream, ProtocolType.Tcp) : new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listening);
        using var accepted = await listener.AcceptSocketAsync();
        var opening = AsIPv4((IPEndPoint)client.LocalEndPoint!);

        var self = Environment.ProcessId;
        var snapshot = TcpSockets.Read([self]);
        var connection = snapshot.ConnectionsBetween(self, self).SingleOrDefault(c => c.EndA.Local.Equals(opening) || c.EndB.Local.Equals(opening));

        Assert.That(connection, Is.Not.Null, "the connection is seen, with both of its ends");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.IsListenedOn(self, listening), "the listener is seen");
            Assert.That(connection!.Server?.Local, Is.EqualTo(listening), "the accepting end is on the listening endpoint");
            Assert.That(connection.Server?.Remote, Is.EqualTo(opening));
            Assert.That(connection.Client?.Local, Is.EqualTo(opening), "the opening end is the client's");
            Assert.That(connection.Client?.Remote, Is.EqualTo(listening));
            Assert.That(connection.Server?.State, Is.EqualTo(TcpState.Established));
        }
    }

    [Test]
    public async Task OutboundOnlyRule_AnotherProcessConnectsToAListenerOfThisOne_IsAViolation()
    {
        Assume.That(File.Exists("/bin/bash") || File.Exists("/usr/bin/bash"), "bash (with /dev/tcp) plays the process that calls in");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var listening = (IPEndPoint)listener.LocalEndpoint;
        // Another process opens a connection to this one, as a public node calling a private node would, and holds it
        // open until this side closes it.
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec 3<>/dev/tcp/127.0.0.1/{listening.Port}; read -r _ <&3");
        using var caller = Process.Start(start)!;
        try
        {
            using var accepted = await listener.AcceptSocketAsync().WaitAsync(ConnectLimit);
            var self = Environment.ProcessId;
            var snapshot = TcpSockets.Read([self, caller.Id]);
            var connection = snapshot.ConnectionsBetween(caller.Id, self).SingleOrDefault(c => c.Server?.Local.Equals(listening) == true);

            Assert.That(connection, Is.Not.Null, "the connection between the two processes is seen");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(connection!.Server?.ProcessId, Is.EqualTo(self), "the listening process accepted it");
                Assert.That(connection.Client?.ProcessId, Is.EqualTo(caller.Id), "the other process opened it");
                Assert.That(connection.Client?.Local, Is.EqualTo(accepted.RemoteEndPoint));
                Assert.That(OutboundOnlyRule.Violations([connection], publicNode: caller.Id, publicEndpoint: listening, privateNode: self, new HashSet<int> { listening.Port }),
                    Is.EqualTo(new[] { connection }), "with this process as the private node, a connection it accepted breaks the rule");
                Assert.That(OutboundOnlyRule.Violations([connection], publicNode: self, publicEndpoint: listening, privateNode: caller.Id, new HashSet<int>()),
                    Is.Empty, "with the roles the other way round, it is what the rule allows");
            }
        }
        finally
        {
            if (!caller.HasExited)
                caller.Kill();
            await caller.WaitForExitAsync();
        }
    }

    [Test]
    public void Observer_KernelEndpointText_ReadsAsTheAddressAndPort()
    {
        Assume.That(BitConverter.IsLittleEndian, "the kernel writes each address word in the machine's byte order; these samples are from a little-endian one");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TcpSockets.Endpoint("0100007F:1F90"), Is.EqualTo(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 8080)));
            Assert.That(TcpSockets.Endpoint("0200007F:0050"), Is.EqualTo(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 80)));
            Assert.That(TcpSockets.Endpoint("0000000000000000FFFF00000100007F:1F90"), Is.EqualTo(new IPEndPoint(IPAddress.Parse("127.0.0.1"), 8080)),
                "an IPv4-mapped IPv6 address reads as IPv4");
            Assert.That(TcpSockets.Endpoint("00000000000000000000000001000000:01BB"), Is.EqualTo(new IPEndPoint(IPAddress.IPv6Loopback, 443)));
        }
    }

    private static IPEndPoint AsIPv4(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
}
