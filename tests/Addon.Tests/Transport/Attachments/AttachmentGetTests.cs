using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Attachments;
using JiraSim.Faults;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// <c>GET /transport/v1/connections/{id}/attachments/{ref}</c> on the public node: the bytes of an attachment offered to
/// that connection, streamed from the tenant's Jira with the offered hash; nothing for any other ref or caller.
/// </summary>
public class AttachmentGetTests
{
    private PublicAttachments node = null!;
    private string id = null!;
    private string key = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PublicAttachments.StartAsync();
        (id, key) = await node.ConnectAsync();
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();

    [Test]
    public async Task Get_OfferedAttachment_StreamsTheJiraBytesWithTheOfferedHash()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 quarterly report " + new string('x', 5000));
        var attachment = node.AddJiraAttachment(bytes);
        var offer = await node.OfferAsync(id, "att-1", attachment);

        using var response = await node.GetAsync(id, key, "att-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/octet-stream"));
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(bytes.Length));
        Assert.That(response.Headers.GetValues(AttachmentHeaders.Sha256).Single(), Is.EqualTo(offer.Sha256));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Get_OfferTheSyncHashed_IsServedFromItsKeptCopy_WithoutAskingJiraAgain_AndTheCopyGoesOnceFetched()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var attachment = node.AddJiraAttachment(bytes);
        var kept = await node.OfferWithCopyAsync(id, "att-kept", attachment);
        var readsBefore = node.JiraContentReads;

        using (var first = await node.GetAsync(id, key, "att-kept"))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers.GetValues(AttachmentHeaders.Sha256).Single(), Is.EqualTo(PublicAttachments.Sha256(bytes)));
            Assert.That(await first.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        }
        Assert.That(node.JiraContentReads, Is.EqualTo(readsBefore), "Jira's quota is not spent on bytes the node already read");
        Assert.That(File.Exists(kept), Is.False, "the copy is not kept once the private node has it");

        using var again = await node.GetAsync(id, key, "att-kept");
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes), "a later fetch reads Jira");
        Assert.That(node.JiraContentReads, Is.EqualTo(readsBefore + 1));
    }

    [Test]
    public async Task Get_KeptCopyOfAnotherLength_IsDropped_AndTheBytesComeFromJira()
    {
        var bytes = Encoding.UTF8.GetBytes("the whole minutes of the meeting");
        var kept = await node.OfferWithCopyAsync(id, "att-cut", node.AddJiraAttachment(bytes));
        await File.WriteAllBytesAsync(kept, bytes[..10]); // a copy cut short (a full disk, a restored folder)

        using var response = await node.GetAsync(id, key, "att-cut");

        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
        Assert.That(File.Exists(kept), Is.False);
    }

    [Test]
    public async Task KeptCopies_NoFetchTookForADay_AreRemoved_YoungerOnesStay()
    {
        var old = await node.OfferWithCopyAsync(id, "att-old", node.AddJiraAttachment([1, 2, 3]));
        var young = await node.OfferWithCopyAsync(id, "att-young", node.AddJiraAttachment([4, 5, 6]));
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - AttachmentShelf.KeptFor - TimeSpan.FromMinutes(1));

        Assert.That(node.Shelf.PruneKept(), Is.EqualTo(1));
        Assert.That((File.Exists(old), File.Exists(young)), Is.EqualTo((false, true)));
        using var response = await node.GetAsync(id, key, "att-old");
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }), "the offer stands: its fetch reads Jira");
    }

    [Test]
    public async Task Get_RefNeverOffered_Answers404AttachmentNotFound()
    {
        using var response = await node.GetAsync(id, key, "att-unknown");

        var message = await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound, "att-unknown");
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.NotFoundCode));
        Assert.That(message, Does.Contain("offered"));
    }

    [Test]
    public async Task Get_RefOfferedOnAnotherConnection_Answers404_AndLeaksNothing()
    {
        var (otherId, otherKey) = await node.ConnectAsync();
        var secret = Encoding.UTF8.GetBytes("the other connection's contract");
        var offer = await node.OfferAsync(otherId, "att-secret", node.AddJiraAttachment(secret, "contract.txt", "text/plain"));
        var jiraReads = node.Node.TenantA.Sim.Requests["GET /rest/api/3/attachment/content/{id}"];

        using var response = await node.GetAsync(id, key, "att-secret");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), body);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.NotFoundCode), "the same answer as for a ref that exists nowhere");
        Assert.That(body, Does.Not.Contain(offer.Sha256).And.Not.Contain("contract").And.Not.Contain(otherId));
        Assert.That(response.Headers.Contains(AttachmentHeaders.Sha256), Is.False);
        Assert.That(node.Node.TenantA.Sim.Requests["GET /rest/api/3/attachment/content/{id}"], Is.EqualTo(jiraReads), "Jira was not even asked");
        using var own = await node.GetAsync(otherId, otherKey, "att-secret");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "its own connection gets it");
    }

    [Test]
    public async Task Get_AttachmentDeletedInJira_Answers404SayingJiraNoLongerHasIt()
    {
        var attachment = node.AddJiraAttachment([1, 2, 3]);
        await node.OfferAsync(id, "att-gone", attachment);
        var site = node.Node.TenantA.Sim;
        var found = site.FindAttachment(attachment.Id, out var issue)!;
        site.DeleteAttachment(site.FindUser(node.Node.TenantA.AdminAccountId)!, issue!, found);

        using var response = await node.GetAsync(id, key, "att-gone");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound, "no longer");
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.DeletedInJiraCode));
    }

    [Test]
    public async Task Get_JiraFailing_Answers502JiraUnavailable()
    {
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment([1, 2, 3]));
        node.Node.Jira.Faults("site-a").Add(FaultRule.ServerError("GET /rest/api/3/attachment/content/{id}", 503, times: null));

        using var response = await node.GetAsync(id, key, "att-1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway), body);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.JiraUnavailableCode));
        Assert.That(JsonNode.Parse(body)!["message"]!.GetValue<string>(), Does.Contain("503"));
    }

    [Test]
    public async Task Get_JiraHoldingAnotherSizeThanOffered_Answers502NamingBoth_AndSendsNoBytes()
    {
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment([1, 2, 3]), size: 99);

        using var response = await node.GetAsync(id, key, "att-1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway), body);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo(AttachmentErrors.JiraUnavailableCode));
        Assert.That(JsonNode.Parse(body)!["message"]!.GetValue<string>(), Does.Contain("3 bytes").And.Contain("99 bytes"));
        Assert.That(response.Headers.Contains(AttachmentHeaders.Sha256), Is.False);
    }

    [Test]
    public async Task Get_DeactivatedConnection_StillStreamsTheBytes()
    {
        var bytes = Encoding.UTF8.GetBytes("queued both ways");
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment(bytes));
        (await node.Node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/deactivate")).Dispose();

        using var response = await node.GetAsync(id, key, "att-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Get_DeletedConnection_Answers410ConnectionDeleted()
    {
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment([1, 2, 3]));
        (await node.Node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{id}")).Dispose();

        using var response = await node.GetAsync(id, key, "att-1");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Gone);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo("connection_deleted"));
    }

    [TestCase("none")]
    [TestCase("another ref")]
    [TestCase("the PUT of this ref")]
    [TestCase("another connection")]
    [TestCase("tampered")]
    public async Task Get_WithoutATokenForThisRequest_Answers401_AndSendsNoBytes(string token)
    {
        var (otherId, otherKey) = await node.ConnectAsync();
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment([1, 2, 3]));
        var path = PublicAttachments.PathOf(id, "att-1");
        var valid = PublicAttachments.Token(id, key, "GET", path);
        var sent = token switch
        {
            "none" => "",
            "another ref" => PublicAttachments.Token(id, key, "GET", PublicAttachments.PathOf(id, "att-2")),
            "the PUT of this ref" => PublicAttachments.Token(id, key, "PUT", path),
            "another connection" => PublicAttachments.Token(otherId, otherKey, "GET", PublicAttachments.PathOf(otherId, "att-1")),
            _ => valid[..^2] + (valid[^2] == 'A' ? 'B' : 'A') + valid[^1],
        };

        using var response = await node.GetAsync(id, key, "att-1", sent);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized);
        Assert.That(await ErrorCodeAsync(response), Is.EqualTo("invalid_token"));
        Assert.That(response.Headers.Contains(AttachmentHeaders.Sha256), Is.False);
    }

    [Test]
    public async Task Get_MalformedRef_Answers400()
    {
        using var response = await node.GetAsync(id, key, "-starts-with-a-dash");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "ref");
    }

    [Test]
    public async Task Offer_SameRefAgain_ChangesNothing()
    {
        var first = node.AddJiraAttachment([1, 2, 3]);
        await node.OfferAsync(id, "att-1", first);
        var before = await node.StoredAsync();

        await node.OfferAsync(id, "att-1", first);
        await node.OfferAsync(id, "att-1", node.AddJiraAttachment([4, 5, 6]));

        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
        using var response = await node.GetAsync(id, key, "att-1");
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }), "the first offer stands");
    }
}
