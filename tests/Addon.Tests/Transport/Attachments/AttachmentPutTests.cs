using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Attachments;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// <c>PUT /transport/v1/connections/{id}/attachments/{ref}</c> on the public node: the private node's bytes are stored
/// byte-exact once their length and SHA-256 are what was announced, and every refusal leaves no row and no file.
/// </summary>
public class AttachmentPutTests
{
    private PublicAttachments node = null!;
    private string id = null!;
    private string key = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PublicAttachments.StartAsync(new() { ["Transport:MaxAttachmentBytes"] = "65536" });
        (id, key) = await node.ConnectAsync();
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();

    private async Task RefusedAndNothingStoredAsync(Func<Task<HttpResponseMessage>> put, HttpStatusCode status, string code, string? messageContains = null)
    {
        var before = await node.StoredAsync();

        using var response = await put();

        await ApiErrorAssert.IsRefusal(response, status, messageContains);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(code));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before), "no row, no file");
    }

    [Test]
    public async Task Put_ValidUpload_StoresTheBytesExactly_AndFindReceivedReturnsThem()
    {
        var bytes = Encoding.UTF8.GetBytes("Grüße from the intranet\n" + new string('z', 40000));

        using var response = await node.PutAsync(id, key, "att-1", bytes, fileName: "Grüße & notes.txt", mediaType: "text/plain; charset=utf-8");

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var answer = JsonNode.Parse(text)!;
        Assert.That(answer["ref"]!.GetValue<string>(), Is.EqualTo("att-1"));
        Assert.That(answer["sha256"]!.GetValue<string>(), Is.EqualTo(PublicAttachments.Sha256(bytes)));
        Assert.That(answer["size"]!.GetValue<long>(), Is.EqualTo(bytes.Length));

        var received = await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None);
        Assert.That(received, Is.Not.Null);
        Assert.That(received!.FileName, Is.EqualTo("Grüße & notes.txt"));
        Assert.That(received.MediaType, Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(received.Size, Is.EqualTo(bytes.Length));
        Assert.That(received.Sha256, Is.EqualTo(PublicAttachments.Sha256(bytes)));
        Assert.That(received.FilePath, Does.StartWith(Path.Combine(node.AttachmentsFolder, id)));
        await using (var stored = received.OpenRead())
        using (var copy = new MemoryStream())
        {
            await stored.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        }
        Assert.That(node.Files(), Has.Count.EqualTo(1), "no partial file left behind");
        Assert.That(await node.Shelf.FindReceivedAsync(id, "att-2", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Put_WithoutMediaType_StoresNone()
    {
        using var response = await node.PutAsync(id, key, "att-1", [1, 2, 3], mediaType: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None))!.MediaType, Is.Null);
    }

    [Test]
    public async Task Put_EmptyFile_IsStored()
    {
        using var response = await node.PutAsync(id, key, "att-empty", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That((await node.Shelf.FindReceivedAsync(id, "att-empty", CancellationToken.None))!.Size, Is.Zero);
    }

    [Test]
    public Task Put_WrongHash_Answers400HashMismatch_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3], sha256: PublicAttachments.Sha256([1, 2, 4])),
            HttpStatusCode.BadRequest, AttachmentErrors.HashMismatchCode, "SHA-256");

    [Test]
    public async Task Put_OverTheLimit_Answers413NamingSizeLimitAndSetting_AndStoresNothing()
    {
        var before = await node.StoredAsync();

        using var response = await node.PutAsync(id, key, "att-big", new byte[65537]);

        var message = await ApiErrorAssert.IsRefusal(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.TooLargeCode));
        Assert.That(message, Does.Contain("64 KiB").And.Contain("Transport:MaxAttachmentBytes").And.Contain("65537"));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Put_AtTheLimit_IsStored()
    {
        using var response = await node.PutAsync(id, key, "att-big", new byte[65536]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Put_RepeatedWithTheSameHash_Answers200_AndChangesNothing()
    {
        byte[] bytes = [7, 7, 7];
        (await node.PutAsync(id, key, "att-1", bytes)).Dispose();
        var before = await node.StoredAsync();

        using var again = await node.PutAsync(id, key, "att-1", bytes, fileName: "renamed.txt");

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await again.Content.ReadAsStringAsync())!["sha256"]!.GetValue<string>(), Is.EqualTo(PublicAttachments.Sha256(bytes)));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Put_SameRefWithAnotherHash_Answers409Conflict_AndChangesNothing()
    {
        (await node.PutAsync(id, key, "att-1", [7, 7, 7])).Dispose();

        await RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [8, 8, 8]), HttpStatusCode.Conflict, AttachmentErrors.ConflictCode,
            PublicAttachments.Sha256([7, 7, 7]));
    }

    [Test]
    public async Task Put_SameRefOnAnotherConnection_IsStoredSeparately()
    {
        var (otherId, otherKey) = await node.ConnectAsync();
        (await node.PutAsync(id, key, "att-1", [7, 7, 7])).Dispose();

        using var response = await node.PutAsync(otherId, otherKey, "att-1", [8, 8, 8]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "refs are per connection");
        Assert.That((await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None))!.Sha256, Is.EqualTo(PublicAttachments.Sha256([7, 7, 7])));
        Assert.That((await node.Shelf.FindReceivedAsync(otherId, "att-1", CancellationToken.None))!.Sha256, Is.EqualTo(PublicAttachments.Sha256([8, 8, 8])));
    }

    [TestCase("none")]
    [TestCase("tampered")]
    [TestCase("another connection")]
    [TestCase("signed with another key")]
    [TestCase("the GET of this ref")]
    [TestCase("another ref")]
    [TestCase("in the URL")]
    public async Task Put_WithoutATokenForThisRequest_Answers401_AndStoresNothing(string kind)
    {
        var (otherId, otherKey) = await node.ConnectAsync();
        var path = PublicAttachments.PathOf(id, "att-1");
        var valid = PublicAttachments.Token(id, key, "PUT", path);
        var token = kind switch
        {
            "none" or "in the URL" => "",
            "tampered" => valid[..^2] + (valid[^2] == 'A' ? 'B' : 'A') + valid[^1],
            "another connection" => PublicAttachments.Token(otherId, otherKey, "PUT", PublicAttachments.PathOf(otherId, "att-1")),
            "signed with another key" => PublicAttachments.Token(id, otherKey, "PUT", path),
            "the GET of this ref" => PublicAttachments.Token(id, key, "GET", path),
            _ => PublicAttachments.Token(id, key, "PUT", PublicAttachments.PathOf(id, "att-2")),
        };
        Action<HttpRequestMessage>? inUrl = kind == "in the URL" ? r => r.RequestUri = new Uri(path + "?jwt=" + valid, UriKind.Relative) : null;

        await RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3], token: token, configure: inUrl),
            HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Test]
    public async Task Put_DeletedConnection_Answers410_AndStoresNothing()
    {
        (await node.Node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{id}")).Dispose();

        await RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3]), HttpStatusCode.Gone, "connection_deleted");
    }

    [Test]
    public async Task Put_DeactivatedConnection_StillStoresTheBytes()
    {
        (await node.Node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/deactivate")).Dispose();

        using var response = await node.PutAsync(id, key, "att-1", [1, 2, 3]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await node.ReceivedRowsAsync(), Is.EqualTo(1));
    }

    [Test]
    public Task Put_WithoutSha256Header_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", new ByteArrayContent([1, 2, 3]), sha256: null, "a.txt", null),
            HttpStatusCode.BadRequest, "bad_request", AttachmentHeaders.Sha256);

    [Test]
    public Task Put_UppercaseSha256_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3], sha256: PublicAttachments.Sha256([1, 2, 3]).ToUpperInvariant()),
            HttpStatusCode.BadRequest, "bad_request", "lowercase");

    [TestCase(null, "missing")]
    [TestCase("", "missing")]
    [TestCase("../etc/passwd", "path separator")]
    [TestCase("dir\\file.txt", "path separator")]
    [TestCase("..", "not a file name")]
    public Task Put_BadFileName_Answers400NamingTheProblem_AndStoresNothing(string? fileName, string problem) =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3], fileName: fileName),
            HttpStatusCode.BadRequest, "bad_request", problem);

    [Test]
    public Task Put_FileNameOver255Characters_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", [1, 2, 3], fileName: new string('é', 256)),
            HttpStatusCode.BadRequest, "bad_request", "255");

    [Test]
    public Task Put_FileNameNotPercentEncodedUtf8_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", new ByteArrayContent([1, 2, 3]), PublicAttachments.Sha256([1, 2, 3]), fileName: null,
                mediaType: null, configure: r => r.Headers.Add(AttachmentHeaders.FileName, "%FF%FE.txt")),
            HttpStatusCode.BadRequest, "bad_request", "UTF-8");

    [Test]
    public Task Put_WithoutContentLength_Answers411_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "att-1", new ChunkedContent([1, 2, 3]), PublicAttachments.Sha256([1, 2, 3]), "a.txt", null,
                configure: r => r.Headers.TransferEncodingChunked = true),
            HttpStatusCode.LengthRequired, "length_required", "Content-Length");

    [Test]
    public Task Put_MalformedRef_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "-starts-with-a-dash", [1, 2, 3]), HttpStatusCode.BadRequest, "bad_request", "ref");

    [Test]
    public Task Put_RefThatClimbsOutOfItsFolder_Answers400_AndStoresNothing() =>
        RefusedAndNothingStoredAsync(() => node.PutAsync(id, key, "..%2Fescape", [1, 2, 3]), HttpStatusCode.BadRequest, "bad_path", "'..' segment");

    [Test]
    public async Task Discard_RemovesTheRowAndTheFile()
    {
        (await node.PutAsync(id, key, "att-1", [1, 2, 3])).Dispose();
        var received = (await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None))!;

        await node.Shelf.DiscardReceivedAsync(id, "att-1", CancellationToken.None);
        await node.Shelf.DiscardReceivedAsync(id, "att-1", CancellationToken.None); // again: nothing to do

        Assert.That(await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None), Is.Null);
        Assert.That(File.Exists(received.FilePath), Is.False);
        Assert.That(node.Files(), Is.Empty);
    }

    [Test]
    public async Task Put_AfterDiscard_StoresTheBytesAgain()
    {
        (await node.PutAsync(id, key, "att-1", [1, 2, 3])).Dispose();
        await node.Shelf.DiscardReceivedAsync(id, "att-1", CancellationToken.None);

        using var again = await node.PutAsync(id, key, "att-1", [1, 2, 3]);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await node.Shelf.FindReceivedAsync(id, "att-1", CancellationToken.None), Is.Not.Null);
    }
}
