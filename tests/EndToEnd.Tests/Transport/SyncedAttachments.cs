using System.Net;
using System.Net.Http.Json;
using EndToEnd.Tests.Support;
using JiraSim.Model;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// Real sync traffic for the outbound-only test: an issue with an attachment brought under sync on site A (its bytes
/// reach the private node through GET on the public node's attachment route), then an attachment added to its twin on
/// site B (its bytes reach the public node through the private node's PUT). Both byte-exact.
/// </summary>
public static class SyncedAttachments
{
    public sealed record Outcome(bool ToPrivate, bool ToPublic);

    public static async Task<Outcome> FlowBothWaysAsync(NodePair nodes, string connectionId, TimeSpan limit)
    {
        var (siteA, siteB) = (nodes.Jira.Site("site-a"), nodes.Jira.Site("site-b"));
        var summary = "Watched attachment " + Guid.NewGuid().ToString("N")[..8];
        SimProject acme;
        lock (siteA.Sync)
            acme = siteA.FindProject("ACME")!;
        var personA = siteA.FindUser("557058:a-user")!;
        var source = siteA.CreateIssue(personA, acme, acme.IssueTypes[0], summary, null);
        var bytesA = Bytes(200_000, 3);
        siteA.AddAttachment(personA, source, "from-a.bin", "application/octet-stream", bytesA);
        using (var admin = nodes.AdminClient())
        using (var exalated = await admin.PostAsJsonAsync($"api/admin/connections/{connectionId}/issues", new { issue = source.Key }))
            Assert.That(exalated.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await exalated.Content.ReadAsStringAsync());

        SimIssue? twin = null;
        await Eventually.HoldsAsync(() =>
        {
            lock (siteB.Sync)
                twin = siteB.Issues.Values.FirstOrDefault(i => i.Summary == summary && i.Attachments.Any(a => a.FileName == "from-a.bin"));
            return Task.FromResult(twin is not null);
        }, "the issue and its attachment reached site B", limit, nodes.Output);
        bool toPrivate;
        lock (siteB.Sync)
            toPrivate = twin!.Attachments.Single(a => a.FileName == "from-a.bin").Content.SequenceEqual(bytesA);

        var bytesB = Bytes(150_000, 4);
        siteB.AddAttachment(siteB.FindUser("557058:b-user")!, twin!, "from-b.bin", "application/octet-stream", bytesB);
        await Eventually.HoldsAsync(() =>
        {
            lock (siteA.Sync)
                return Task.FromResult(source.Attachments.Any(a => a.FileName == "from-b.bin"));
        }, "site B's attachment reached site A", limit, nodes.Output);
        bool toPublic;
        lock (siteA.Sync)
            toPublic = source.Attachments.Single(a => a.FileName == "from-b.bin").Content.SequenceEqual(bytesB);
        return new Outcome(toPrivate, toPublic);
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
