using ConnectAddon.Jira;
using ConnectAddon.Transport.Attachments;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// 20 MiB each way between an in-process private node and public node: byte-exact, and streamed, so what a transfer
/// allocates does not grow with the file (DESIGN §10: memory stays flat with attachment sizes). The files themselves
/// are generated as they are read and checked by hash as they are written, so the test holds neither.
/// What is allocated is counted for the whole process, so the fixture runs alone: no other test's allocations in it.
/// </summary>
[NonParallelizable]
public class LargeTransferTests
{
    private const long Size = 20L * 1024 * 1024;
    private const int Seed = 7;
    private AttachmentPair pair = null!;

    [SetUp]
    public async Task Start() => pair = await AttachmentPair.StartAsync(publicServices: s =>
        s.AddHttpClient(JiraSetup.ConnectClient).ConfigurePrimaryHttpMessageHandler(() => new GeneratedJiraContent(Size, Seed)));

    [TearDown]
    public async Task Stop() => await pair.DisposeAsync();

    [Test]
    public async Task Upload_TwentyMiB_ArrivesByteExact_WithoutBeingHeldInMemory()
    {
        var peer = await pair.PeerAsync();
        var sha256 = GeneratedStream.Sha256(Size, Seed);

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var uploaded = await pair.Client.UploadAsync(peer, "att-large", new GeneratedStream(Size, Seed), Size, sha256, "disk image.iso", null, CancellationToken.None);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.That(uploaded.IsSuccess, Is.True, uploaded.Error?.Message);
        var received = await pair.Public.Shelf.FindReceivedAsync(pair.ConnectionId, "att-large", CancellationToken.None);
        Assert.That(new FileInfo(received!.FilePath).Length, Is.EqualTo(Size));
        await using (var stored = received.OpenRead())
            Assert.That(Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stored)), Is.EqualTo(sha256));
        TestContext.Out.WriteLine($"allocated while uploading {Size} bytes: {allocated} bytes");
        Assert.That(allocated, Is.LessThan(Size / 4), "a buffered body would allocate at least its own size");
    }

    [Test]
    public async Task Download_TwentyMiB_ArrivesByteExact_WithoutBeingHeldInMemory()
    {
        var peer = await pair.PeerAsync();
        var offer = new AttachmentOffer("att-large", "10001", GeneratedStream.Sha256(Size, Seed), Size, "video.mp4", "video/mp4");
        await pair.Public.Shelf.OfferAsync(pair.ConnectionId, offer, CancellationToken.None);
        using var sink = new HashingSink();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var downloaded = await pair.Client.DownloadAsync(peer, "att-large", sink, CancellationToken.None);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.That(downloaded.IsSuccess, Is.True, downloaded.Error?.Message);
        Assert.That(downloaded.Value, Is.EqualTo(Size));
        Assert.That(sink.Sha256, Is.EqualTo(offer.Sha256));
        TestContext.Out.WriteLine($"allocated while downloading {Size} bytes: {allocated} bytes");
        Assert.That(allocated, Is.LessThan(Size / 4), "a buffered body would allocate at least its own size");
    }
}
