using EndToEnd.Tests.Support;
using JiraSim.Model;

namespace EndToEnd.Tests.Sync;

/// <summary>Limits give a clear, visible error and hold back only what breaks them (DESIGN §6 "the size limit is configurable and breaking it gives a clear, visible error").</summary>
[TestFixture]
[NonParallelizable]
public sealed class SyncLimitsTests
{
    private const string Limit = "4096";
    private SyncPair pair = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var limit = new Dictionary<string, string> { ["Transport:MaxAttachmentBytes"] = Limit };
        pair = await SyncPair.StartAsync(privateSettings: limit, publicSettings: limit);
    }

    [OneTimeTearDown]
    public async Task Stop() => await pair.DisposeAsync();

    [Test]
    public async Task AttachmentOverTheLimit_IsNotSynced_TheErrorSaysWhy_AndEverythingElseSyncs()
    {
        var source = pair.CreateOnA("Big file inside");
        pair.SiteA.AddAttachment(pair.PersonA, source, "huge.iso", "application/octet-stream", new byte[10_000]);
        pair.SiteA.AddAttachment(pair.PersonA, source, "small.txt", "text/plain", "fits"u8.ToArray());
        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("see attachments"));
        await pair.ExalateOnPublicAsync(source.Key);

        var twin = await pair.TwinOnAsync(pair.SiteB, "Big file inside");
        await Eventually.HoldsAsync(() => Task.FromResult(Read(pair.SiteB, () => twin.Attachments.Any(a => a.FileName == "small.txt") && twin.Comments.Count == 1)),
            "the small attachment and the comment arrive", explain: pair.Nodes.Output);
        await Eventually.HoldsAsync(async () => (await pair.PublicSyncAsync())["errors"]!.AsArray()
                .Any(e => (string?)e!["issueKey"] == source.Key && ((string?)e["message"] ?? "").Contains("huge.iso") && ((string?)e["message"] ?? "").Contains("Transport:MaxAttachmentBytes")),
            "the public side's errors name the file and the setting", explain: pair.Nodes.Output);
        await pair.SettledAsync();
        Assert.That(Read(pair.SiteB, () => twin.Attachments.Select(a => a.FileName).ToList()), Is.EqualTo(new[] { "small.txt" }));
    }

    private static T Read<T>(SimSite site, Func<T> read)
    {
        lock (site.Sync)
            return read();
    }
}
