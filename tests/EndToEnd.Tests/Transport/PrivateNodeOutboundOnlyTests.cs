using System.Diagnostics;
using EndToEnd.Tests.Support;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// DESIGN §1: the private node only ever makes outbound requests; the public node answers and never calls it. Shown
/// with real processes (the simulated Jira in this process, a public node and a private node in processes of their
/// own) by reading their sockets from the kernel while they pair, exchange events both ways and sync an issue with
/// attachments both ways, not by trusting configuration.
/// <para>
/// What "reachable from the public side" means on one machine: nothing separates two processes on one host, and every
/// loopback address is reachable from every process, so no test here can show that the public node could not reach
/// the private node. What it shows is that it never does and never needs to: the private node listens on nothing but
/// its console (bound to 127.0.0.2, standing in for an intranet interface other than the public node's 127.0.0.1),
/// the public process never holds a socket toward an endpoint the private node listens on (not even a connection
/// attempt), and every connection between the two processes was opened by the private node, to the public node's
/// listening endpoint. A firewall that refuses every connection into the private network therefore changes nothing.
/// </para>
/// </summary>
[Platform("Linux", Reason = "Sockets are read from /proc.")]
public class PrivateNodeOutboundOnlyTests
{
    private const int Rounds = 2;
    private const int EventsEachWayPerRound = 3;
    private static readonly TimeSpan FlowLimit = TimeSpan.FromSeconds(60);

    [Test]
    public async Task PrivateNode_WhileEventsAndAttachmentsFlowBothWays_OpensEveryConnectionItselfAndListensOnlyOnItsConsole()
    {
        var clock = Stopwatch.StartNew();
        // A short long-poll: an event queued from outside a node is only noticed at that node's next read of its outbox.
        await using var nodes = await NodePair.StartAsync(new Dictionary<string, string>
        {
            ["PrivateNode:Exchange:WaitSeconds"] = "2",
            ["PrivateNode:PollInterval"] = "00:00:00.300",
        });
        int publicNode = nodes.Public.ProcessId, privateNode = nodes.Private.ProcessId, test = Environment.ProcessId;
        var startedIn = clock.Elapsed;
        await using var watch = SocketWatch.Start(publicNode, privateNode, test);

        // Pairing is watched too: the accept is the private node's first request to the public node.
        using var console = await nodes.LogInToConsoleAsync();
        var id = await NodePair.AcceptAsync(console, await nodes.InitiateAsync());

        // In rounds, so that several exchanges carry data each way, each round's long-polls idle in between.
        List<string> toPrivate = [], toPublic = [];
        for (var round = 1; round <= Rounds; round++)
        {
            for (var n = 1; n <= EventsEachWayPerRound; n++)
            {
                toPrivate.Add($"public-{round}.{n}");
                await NodeDatabase.EnqueueAsync(nodes.Public.DatabaseFile, id, NodeDatabase.Payload(toPrivate[^1]));
                toPublic.Add($"private-{round}.{n}");
                await NodeDatabase.EnqueueAsync(nodes.Private.DatabaseFile, id, NodeDatabase.Payload(toPublic[^1]));
            }
            await Eventually.HoldsAsync(async () =>
                    (await NodeDatabase.ReceivedAsync(nodes.Private.DatabaseFile, id)).SequenceEqual(toPrivate)
                    && (await NodeDatabase.ReceivedAsync(nodes.Public.DatabaseFile, id)).SequenceEqual(toPublic)
                    && await NodeDatabase.UnacknowledgedAsync(nodes.Public.DatabaseFile, id) == 0
                    && await NodeDatabase.UnacknowledgedAsync(nodes.Private.DatabaseFile, id) == 0,
                $"round {round}: every event stored in the other node's inbox, and acknowledged", FlowLimit, nodes.Output);
        }
        // Then the product itself, still watched: an issue with an attachment synced from site A to site B (its bytes
        // fetched by the private node with GET …/attachments/{ref}), and an attachment added on B copied to A (PUT).
        var attachments = await SyncedAttachments.FlowBothWaysAsync(nodes, id, FlowLimit);
        var flowedIn = clock.Elapsed - startedIn;

        // And after the flow: the idle long-poll that follows is watched as well.
        var delivered = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Eventually.HoldsAsync(async () => await NodeDatabase.LastPolledAsync(nodes.Public.DatabaseFile, id) > delivered,
            "the private node exchanged again once everything was delivered", FlowLimit, nodes.Output);
        var snapshots = await watch.StopAsync();

        var privateListeners = snapshots.SelectMany(s => s.Listening(privateNode)).Select(s => s.Local).Distinct().ToList();
        var privateListeningPorts = privateListeners.Select(e => e.Port).ToHashSet();
        var betweenNodes = snapshots.SelectMany(s => s.ConnectionsBetween(publicNode, privateNode)).DistinctBy(c => c.Identity).ToList();
        var notOpenedByThePrivateNode = OutboundOnlyRule.Violations(betweenNodes, publicNode, nodes.PublicEndpoint, privateNode, privateListeningPorts);
        var publicTowardPrivateListeners = snapshots
            .SelectMany(s => s.Of(publicNode).Where(socket => socket.State != TcpState.Listen && s.IsListenedOn(privateNode, socket.Remote)))
            .DistinctBy(s => s.Inode).ToList();
        var consoleSessions = snapshots.SelectMany(s => s.ConnectionsBetween(test, privateNode))
            .Where(c => c.Server?.ProcessId == privateNode).DistinctBy(c => c.Identity).ToList();

        TestContext.Out.WriteLine($"Nodes started in {startedIn.TotalSeconds:0.0} s; paired and {toPrivate.Count} events each way delivered in {flowedIn.TotalSeconds:0.0} s; "
            + $"{snapshots.Count} samples over {(snapshots[^1].TakenAt - snapshots[0].TakenAt).TotalSeconds:0.0} s.");
        TestContext.Out.WriteLine($"Public node (pid {publicNode}) listens on: {string.Join(", ", snapshots.SelectMany(s => s.Listening(publicNode)).Select(s => s.Local).Distinct())}");
        TestContext.Out.WriteLine($"Private node (pid {privateNode}) listens on: {string.Join(", ", privateListeners)}");
        TestContext.Out.WriteLine("Connections between the nodes:" + string.Concat(betweenNodes.Select(c => Environment.NewLine + "  " + c)));
        TestContext.Out.WriteLine($"Console sessions from the test (pid {test}): {consoleSessions.Count}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(betweenNodes, Is.Not.Empty, "at least one connection between the two nodes was seen");
            Assert.That(notOpenedByThePrivateNode, Is.Empty,
                $"every connection between the nodes is the private node's, from a port it does not listen on, to the public node's {nodes.PublicEndpoint}");
            Assert.That(privateListeners, Is.EqualTo(new[] { nodes.ConsoleEndpoint }), "the private node listens on its console's endpoint and nothing else");
            Assert.That(publicTowardPrivateListeners, Is.Empty, "the public node never holds a socket toward an endpoint the private node listens on");
            Assert.That(consoleSessions, Is.Not.Empty,
                "the test's own console requests were seen arriving at the private node, so a connection from the public node would have been seen too");
            Assert.That(await NodeDatabase.ReceivedAsync(nodes.Private.DatabaseFile, id), Is.EqualTo(toPrivate), "public → private, while watched");
            Assert.That(await NodeDatabase.ReceivedAsync(nodes.Public.DatabaseFile, id), Is.EqualTo(toPublic), "private → public, while watched");
            Assert.That(attachments.ToPrivate, Is.True, "an attachment's bytes reached site B, while watched");
            Assert.That(attachments.ToPublic, Is.True, "an attachment's bytes reached site A, while watched");
        }
    }
}
