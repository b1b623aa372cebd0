using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

/// <summary>Attachment content, metadata and deletion, as Jira Cloud serves them ("Get attachment content": 303 to the media service).</summary>
public sealed class AttachmentDownloadTests : SimulatorTest
{
    private static readonly byte[] Bytes = [0x50, 0x4b, 3, 4, 0, 255];
    private SimSite site = null!;
    private SimAttachment attachment = null!;
    private HttpClient client = null!;
    private HttpClient noRedirects = null!;

    [SetUp]
    public void Attach()
    {
        site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        var issue = site.CreateIssue(site.Users[0], project, project.IssueTypes[0], "Printer on fire", null);
        attachment = site.AddAttachment(site.Users[1], issue, "logs.zip", "application/zip", Bytes)!;
        client = jira.Admin("site-a");
        noRedirects = Uploads.WithoutRedirects(client);
    }

    [TearDown]
    public void DisposeClients()
    {
        client.Dispose();
        noRedirects.Dispose();
    }

    [Test]
    public async Task Content_RedirectsToAMediaUrlThatServesTheBytesWithoutCredentials()
    {
        using var redirect = await noRedirects.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}"));
        Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        using var anonymous = new HttpClient();
        using var media = await anonymous.GetAsync(redirect.Headers.Location);
        Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(media.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/zip"));
        Assert.That(await media.Content.ReadAsByteArrayAsync(), Is.EqualTo(Bytes));
    }

    [Test]
    public async Task Content_FollowedByAnOrdinaryClient_ReturnsTheBytes()
    {
        using var response = await client.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Bytes));
    }

    [Test]
    public async Task Content_MediaUrlWithAnotherToken_IsNotServed()
    {
        using var redirect = await noRedirects.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}"));
        var location = redirect.Headers.Location!.ToString();
        var tampered = location[..^4] + (location[^4..] == "0000" ? "1111" : "0000");
        using var anonymous = new HttpClient();
        using var media = await anonymous.GetAsync(tampered);
        Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Content_WithRedirectFalse_AnswersTheBytesWithTheirType()
    {
        using var response = await noRedirects.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}?redirect=false"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/zip"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Bytes));
    }

    [Test]
    public async Task Content_WithoutCredentials_Answers401()
    {
        using var anonymous = jira.Anonymous("site-a");
        using var response = await anonymous.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Metadata_NamesTheFileItsSizeTypeAndAuthor()
    {
        var metadata = await client.GetFromJsonAsync<JsonObject>(SimClients.V3($"attachment/{attachment.Id}"));
        Assert.That(metadata!["id"]!.GetValue<long>(), Is.EqualTo(long.Parse(attachment.Id)));
        Assert.That(metadata["filename"]!.GetValue<string>(), Is.EqualTo("logs.zip"));
        Assert.That(metadata["size"]!.GetValue<long>(), Is.EqualTo(Bytes.Length));
        Assert.That(metadata["mimeType"]!.GetValue<string>(), Is.EqualTo("application/zip"));
        Assert.That(metadata["author"]!["accountId"]!.GetValue<string>(), Is.EqualTo(site.Users[1].AccountId));
        Assert.That(metadata["content"]!.GetValue<string>(), Does.EndWith($"/rest/api/3/attachment/content/{attachment.Id}"));
    }

    [Test]
    public async Task Delete_RemovesTheAttachmentAndItsMediaUrl()
    {
        using var redirect = await noRedirects.GetAsync(SimClients.V3($"attachment/content/{attachment.Id}"));
        using var deleted = await client.DeleteAsync(SimClients.V3($"attachment/{attachment.Id}"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var metadata = await client.GetAsync(SimClients.V3($"attachment/{attachment.Id}"));
        using var anonymous = new HttpClient();
        using var media = await anonymous.GetAsync(redirect.Headers.Location);
        Assert.That(metadata.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(media.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("GET", "attachment/99999")]
    [TestCase("GET", "attachment/content/99999")]
    [TestCase("DELETE", "attachment/99999")]
    public async Task UnknownAttachment_Answers404(string method, string path)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), SimClients.V3(path)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["errorMessages"], Is.Not.Null);
    }
}
