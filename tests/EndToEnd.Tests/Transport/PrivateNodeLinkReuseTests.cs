using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Support;
using JiraSim.Model;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// Issue 14 item 9: the private node's link to the public node stays on kept-alive connections while it sends its own
/// changes. Each edit on site B makes the private node queue an event while its long-poll is held; that poll used to
/// be cancelled to send the event, and cancelling an HTTP/1.1 request closes its connection, so every edit cost a new
/// TCP connection (a TLS handshake and a proxy log line over the internet). Counted from the kernel's socket tables, as
/// <see cref="PrivateNodeOutboundOnlyTests"/> does, not timed: the long-poll's connection and one kept alive beside it
/// carry every edit, whatever the edits' pace, so the limit stays far below one connection per edit.
/// </summary>
[Platform("Linux", Reason = "Sockets are read from /proc.")]
public class PrivateNodeLinkReuseTests
{
    private const int Edits = 10;
    /// <summary>The long-poll's connection, the one beside it, and one to spare; the old behaviour opened one per edit.</summary>
    private const int MostConnectionsOpened = 3;
    private static readonly TimeSpan FlowLimit = TimeSpan.FromSeconds(60);

    [Test]
    public async Task PrivateNode_SendingItsChangesWhileItsLongPollIsHeld_ReusesItsConnections()
    {
        // The default long-poll (50 s), so every edit is queued while a poll is held; the private node's Jira is polled often.
        await using var nodes = await NodePair.StartAsync(new Dictionary<string, string> { ["PrivateNode:PollInterval"] = "00:00:00.300" });
        using var console = await nodes.LogInToConsoleAsync();
        var id = await NodePair.AcceptAsync(console, await nodes.InitiateAsync());
        var (source, twin) = await UnderSyncAsync(nodes, id);
        var (siteA, siteB) = (nodes.Jira.Site("site-a"), nodes.Jira.Site("site-b"));
        var personB = siteB.FindUser("557058:b-user")!;

        int publicNode = nodes.Public.ProcessId, privateNode = nodes.Private.ProcessId;
        await using var watch = SocketWatch.Start(publicNode, privateNode);
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= Edits; n++)
        {
            var summary = $"Reuse edit {n} on site B";
            bool edited;
            lock (siteB.Sync)
                edited = siteB.EditIssue(personB, twin, summary: summary);
            Assert.That(edited, Is.True, $"edit {n} changed site B's twin");
            await Eventually.HoldsAsync(() =>
            {
                lock (siteA.Sync)
                    return Task.FromResult(source.Summary == summary);
            }, $"edit {n} reached site A", FlowLimit, nodes.Output);
        }
        var snapshots = await watch.StopAsync();

        var before = snapshots[0].ConnectionsBetween(publicNode, privateNode).Select(c => c.Identity).ToHashSet();
        var opened = snapshots.SelectMany(s => s.ConnectionsBetween(publicNode, privateNode))
            .Where(c => c.Server is { } server && server.ProcessId == publicNode && server.Local.Port == nodes.PublicEndpoint.Port)
            .DistinctBy(c => c.Identity).Where(c => !before.Contains(c.Identity)).ToList();
        TestContext.Out.WriteLine($"{Edits} edits from site B reached site A in {clock.Elapsed.TotalSeconds:0.0} s; connections open before: {before.Count}; opened meanwhile: {opened.Count}"
            + string.Concat(opened.Select(c => Environment.NewLine + "  " + c)));
        Assert.That(opened, Has.Count.LessThanOrEqualTo(MostConnectionsOpened),
            $"the private node sent {Edits} changes over kept-alive connections, not one new connection each");
    }

    /// <summary>An issue of site A brought under sync, and its twin on site B.</summary>
    private static async Task<(SimIssue Source, SimIssue Twin)> UnderSyncAsync(NodePair nodes, string connectionId)
    {
        var (siteA, siteB) = (nodes.Jira.Site("site-a"), nodes.Jira.Site("site-b"));
        var summary = "Reused link " + Guid.NewGuid().ToString("N")[..8];
        SimIssue source;
        lock (siteA.Sync)
        {
            var acme = siteA.FindProject("ACME")!;
            source = siteA.CreateIssue(siteA.FindUser("557058:a-user")!, acme, acme.IssueTypes[0], summary, null);
        }
        using (var admin = nodes.AdminClient())
        using (var exalated = await admin.PostAsJsonAsync($"api/admin/connections/{connectionId}/issues", new { issue = source.Key }))
            Assert.That(exalated.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await exalated.Content.ReadAsStringAsync());
        SimIssue? twin = null;
        await Eventually.HoldsAsync(() =>
        {
            lock (siteB.Sync)
                twin = siteB.Issues.Values.FirstOrDefault(i => i.Summary == summary);
            return Task.FromResult(twin is not null);
        }, "the issue reached site B", FlowLimit, nodes.Output);
        return (source, twin!);
    }
}
