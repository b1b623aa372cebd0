using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Attachments;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// The private node's <see cref="AttachmentTransferClient"/> against an in-process public node, paired by the real
/// invitation flow: bytes arrive exactly or not at all, and every failure is a value that says what went wrong.
/// </summary>
public class AttachmentTransferClientTests
{
    private AttachmentPair pair = null!;

    [TearDown]
    public async Task Stop()
    {
        if (pair is not null)
            await pair.DisposeAsync();
    }

    private async Task<AttachmentPeer> StartAsync(Dictionary<string, string?>? publicSettings = null, Dictionary<string, string?>? privateSettings = null)
    {
        pair = await AttachmentPair.StartAsync(publicSettings, privateSettings);
        return await pair.PeerAsync();
    }

    [Test]
    public async Task Peers_ForTheAcceptedConnection_NameThePublicNode_AndNeverPrintTheKey()
    {
        var peer = await StartAsync();

        Assert.That(peer.ConnectionId, Is.EqualTo(pair.ConnectionId));
        Assert.That(peer.PublicNodeBaseUrl, Is.EqualTo(new Uri(AddonHost.BaseUrl)));
        Assert.That(peer.ConnectionKey, Has.Length.EqualTo(43), "32 bytes as base64url text");
        Assert.That(peer.ToString(), Does.Not.Contain(peer.ConnectionKey));
        Assert.That(await pair.Peers.ForConnectionAsync("con_aaaaaaaaaaaaaaaaaaaaaaaaaa"), Is.Null);
    }

    [Test]
    public async Task Download_OfferedAttachment_WritesTheExactBytes_AndReturnsTheirLength()
    {
        var peer = await StartAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes("design.svg <svg/> " + new string('s', 70000));
        await pair.Public.OfferAsync(pair.ConnectionId, "att-1", pair.Public.AddJiraAttachment(bytes, "design.svg", "image/svg+xml"));
        using var destination = new MemoryStream();

        var downloaded = await pair.Client.DownloadAsync(peer, "att-1", destination, CancellationToken.None);

        Assert.That(downloaded.IsSuccess, Is.True, downloaded.Error?.Message);
        Assert.That(downloaded.Value, Is.EqualTo(bytes.Length));
        Assert.That(destination.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Download_PublicNodeAnnouncingAnotherHash_IsAnErrorValue()
    {
        var peer = await StartAsync();
        // The public node announces a hash its bytes do not have, as a faulty or lying node would.
        await pair.Public.OfferAsync(pair.ConnectionId, "att-1", pair.Public.AddJiraAttachment([1, 2, 3]), sha256: PublicAttachments.Sha256([9, 9, 9]));

        var downloaded = await pair.Client.DownloadAsync(peer, "att-1", new MemoryStream(), CancellationToken.None);

        Assert.That(downloaded.IsSuccess, Is.False);
        Assert.That(downloaded.Error!.Code, Is.EqualTo(AttachmentErrors.HashMismatchCode));
        Assert.That(downloaded.Error.Message, Does.Contain(PublicAttachments.Sha256([1, 2, 3])).And.Contain("Discard"));
    }

    [Test]
    public async Task Download_RefNotOffered_CarriesThePublicNodesCodeAndMessage()
    {
        var peer = await StartAsync();

        var downloaded = await pair.Client.DownloadAsync(peer, "att-missing", new MemoryStream(), CancellationToken.None);

        Assert.That(downloaded.IsSuccess, Is.False);
        Assert.That(downloaded.Error!.Status, Is.EqualTo(404));
        Assert.That(downloaded.Error.Code, Is.EqualTo(AttachmentErrors.NotFoundCode));
        Assert.That(downloaded.Error.Message, Does.Contain("No attachment 'att-missing' is offered to this connection"));
    }

    [Test]
    public async Task Download_DeletedConnection_CarriesConnectionDeleted()
    {
        var peer = await StartAsync();
        (await pair.Public.Node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{pair.ConnectionId}")).Dispose();

        var downloaded = await pair.Client.DownloadAsync(peer, "att-1", new MemoryStream(), CancellationToken.None);

        Assert.That(downloaded.Error?.Status, Is.EqualTo(410));
        Assert.That(downloaded.Error?.Code, Is.EqualTo("connection_deleted"));
    }

    [Test]
    public async Task Download_OverThePrivateNodesLimit_IsRefusedNamingTheLimit_AndWritesNothing()
    {
        var peer = await StartAsync(privateSettings: new() { ["Transport:MaxAttachmentBytes"] = "1024" });
        await pair.Public.OfferAsync(pair.ConnectionId, "att-1", pair.Public.AddJiraAttachment(new byte[1025]));
        using var destination = new MemoryStream();

        var downloaded = await pair.Client.DownloadAsync(peer, "att-1", destination, CancellationToken.None);

        Assert.That(downloaded.Error?.Code, Is.EqualTo(AttachmentErrors.TooLargeCode));
        Assert.That(downloaded.Error?.Message, Does.Contain("1 KiB").And.Contain("Transport:MaxAttachmentBytes"));
        Assert.That(destination.Length, Is.Zero);
    }

    [Test]
    public async Task Upload_ThenThePublicNodeHoldsTheExactBytes_AndARepeatIsASuccess()
    {
        var peer = await StartAsync();
        var bytes = System.Text.Encoding.UTF8.GetBytes("log line\n" + new string('l', 90000));
        var sha256 = PublicAttachments.Sha256(bytes);

        var uploaded = await pair.Client.UploadAsync(peer, "att-up", new MemoryStream(bytes), bytes.Length, sha256, "server log.txt", "text/plain", CancellationToken.None);
        var repeated = await pair.Client.UploadAsync(peer, "att-up", new MemoryStream(bytes), bytes.Length, sha256, "server log.txt", "text/plain", CancellationToken.None);

        Assert.That(uploaded.IsSuccess, Is.True, uploaded.Error?.Message);
        Assert.That(repeated.IsSuccess, Is.True, repeated.Error?.Message);
        var received = await pair.Public.Shelf.FindReceivedAsync(pair.ConnectionId, "att-up", CancellationToken.None);
        Assert.That(received?.FileName, Is.EqualTo("server log.txt"));
        Assert.That(received?.MediaType, Is.EqualTo("text/plain"));
        Assert.That(await File.ReadAllBytesAsync(received!.FilePath), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Upload_WithAWrongHash_IsAnErrorValueCarryingHashMismatch_AndNothingIsStored()
    {
        var peer = await StartAsync();

        var uploaded = await pair.Client.UploadAsync(peer, "att-up", new MemoryStream([1, 2, 3]), 3, PublicAttachments.Sha256([3, 2, 1]), "a.bin", null, CancellationToken.None);

        Assert.That(uploaded.Error?.Status, Is.EqualTo(400));
        Assert.That(uploaded.Error?.Code, Is.EqualTo(AttachmentErrors.HashMismatchCode));
        Assert.That(uploaded.Error?.Message, Does.Contain("The public node refused"));
        Assert.That(await pair.Public.ReceivedRowsAsync(), Is.Zero);
        Assert.That(pair.Public.Files(), Is.Empty);
    }

    [Test]
    public async Task Upload_OverThePrivateNodesLimit_IsRefusedBeforeAnyRequest()
    {
        var peer = await StartAsync(privateSettings: new() { ["Transport:MaxAttachmentBytes"] = "1024" });

        var uploaded = await pair.Client.UploadAsync(peer, "att-up", new GeneratedStream(2048, 1), 2048, GeneratedStream.Sha256(2048, 1), "a.bin", null, CancellationToken.None);

        Assert.That(uploaded.Error?.Code, Is.EqualTo(AttachmentErrors.TooLargeCode));
        Assert.That(uploaded.Error?.Message, Does.Contain("2 KiB").And.Contain("1 KiB"));
        Assert.That(await pair.Public.ReceivedRowsAsync(), Is.Zero, "the public node (limit 100 MiB) would have stored it, had it been sent");
    }

    [Test]
    public async Task Upload_ContentShorterThanItsSize_IsAnErrorValue_AndNothingIsStored()
    {
        var peer = await StartAsync();

        var uploaded = await pair.Client.UploadAsync(peer, "att-up", new MemoryStream([1, 2, 3]), 10, PublicAttachments.Sha256([1, 2, 3]), "a.bin", null, CancellationToken.None);

        Assert.That(uploaded.IsSuccess, Is.False);
        Assert.That(uploaded.Error!.Message, Does.Contain("ended after 3 of the 10 bytes"));
        Assert.That(await pair.Public.ReceivedRowsAsync(), Is.Zero);
        await Eventually.HoldsAsync(() => Task.FromResult(pair.Public.Files().Count == 0), "the partial file is removed");
    }

    [Test]
    public async Task Upload_SourceStreamFailing_ThrowsItsOwnException_NotAPublicNodeFailure()
    {
        var peer = await StartAsync();

        var thrown = Assert.ThrowsAsync<IOException>(() =>
            pair.Client.UploadAsync(peer, "att-up", new FailingStream(), 10, PublicAttachments.Sha256([1]), "a.bin", null, CancellationToken.None));

        Assert.That(thrown!.Message, Is.EqualTo("The local disk failed."));
        Assert.That(await pair.Public.ReceivedRowsAsync(), Is.Zero);
    }

    [Test]
    public async Task Upload_MalformedRef_IsAnErrorValue()
    {
        var peer = await StartAsync();

        var uploaded = await pair.Client.UploadAsync(peer, "../x", new MemoryStream([1]), 1, PublicAttachments.Sha256([1]), "a.bin", null, CancellationToken.None);

        Assert.That(uploaded.Error?.Code, Is.EqualTo("bad_request"));
    }
}
