using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

/// <summary>Attachments behave as Jira Cloud's do ("Issue attachments", "Jira Cloud limits").</summary>
public sealed class AttachmentTests : SimulatorTest
{
    private SimSite site = null!;
    private SimIssue issue = null!;
    private HttpClient client = null!;

    [SetUp]
    public void CreateIssue()
    {
        site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        issue = site.CreateIssue(site.Users[0], project, project.IssueTypes[0], "Printer on fire", null);
        client = jira.Admin("site-a");
    }

    [TearDown]
    public void DisposeClient() => client.Dispose();

    private static (string, byte[]) File(string name, int size) => (name, Enumerable.Range(0, size).Select(i => (byte)i).ToArray());

    [Test]
    public async Task Upload_WithoutTheXsrfHeader_Answers403AndStoresNothing()
    {
        using var response = await client.SendAsync(Uploads.Request(issue.Key, noCheckHeader: false, File("a.txt", 3)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("XSRF check failed"));
        Assert.That(issue.Attachments, Is.Empty);
    }

    [Test]
    public async Task Upload_EveryPartNamedFile_BecomesOneAttachment()
    {
        var request = Uploads.Request(issue.Key, File("a.txt", 3), File("b.bin", 5));
        ((MultipartFormDataContent)request.Content!).Add(new StringContent("not a file"), "comment");
        using var response = await client.SendAsync(request);
        var uploaded = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(uploaded.Select(a => a!["filename"]!.GetValue<string>()), Is.EqualTo(new[] { "a.txt", "b.bin" }));
        Assert.That(uploaded.Select(a => a!["size"]!.GetValue<long>()), Is.EqualTo(new[] { 3L, 5L }));
        Assert.That(issue.Attachments.Select(a => a.Content.Length), Is.EqualTo(new[] { 3, 5 }));
    }

    [Test]
    public async Task Upload_TakesTheDeclaredTypeElseGuessesFromTheName()
    {
        var request = Uploads.Request(issue.Key, File("notes.txt", 1));
        var picture = new ByteArrayContent([1]);
        picture.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        ((MultipartFormDataContent)request.Content!).Add(picture, "file", "picture");
        using var response = await client.SendAsync(request);
        var uploaded = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.That(uploaded.Select(a => a!["mimeType"]!.GetValue<string>()), Is.EqualTo(new[] { "text/plain", "image/png" }));
    }

    [Test]
    public async Task Upload_SixtyFiles_IsAccepted()
    {
        using var response = await client.SendAsync(Uploads.Request(issue.Key, Enumerable.Range(0, 60).Select(i => File($"{i}.txt", 1)).ToArray()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(issue.Attachments, Has.Count.EqualTo(60));
    }

    [Test]
    public async Task Upload_SixtyOneFiles_Answers413AndStoresNothing()
    {
        using var response = await client.SendAsync(Uploads.Request(issue.Key, Enumerable.Range(0, 61).Select(i => File($"{i}.txt", 1)).ToArray()));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(issue.Attachments, Is.Empty);
    }

    [Test]
    public async Task Upload_FileOverTheSizeLimit_Answers413AndStoresNothing()
    {
        site.Limits = new Limits(MaxAttachmentBytes: 10);
        using var atLimit = await client.SendAsync(Uploads.Request(issue.Key, File("ten.bin", 10)));
        using var overLimit = await client.SendAsync(Uploads.Request(issue.Key, File("small.bin", 1), File("eleven.bin", 11)));
        Assert.That(atLimit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(overLimit.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(issue.Attachments.Select(a => a.FileName), Is.EqualTo(new[] { "ten.bin" }));
    }

    [Test]
    public async Task Upload_PartThatUnderstatesItsLength_IsMeasuredByItsBytes()
    {
        site.Limits = new Limits(MaxAttachmentBytes: 10);
        var request = Uploads.Request(issue.Key);
        var lying = new ByteArrayContent(new byte[50]);
        lying.Headers.ContentLength = 1;
        ((MultipartFormDataContent)request.Content!).Add(lying, "file", "big.bin");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Upload_BeyondThePerIssueLimit_Answers413AndStoresNothing()
    {
        site.Limits = new Limits(AttachmentsPerIssue: 2);
        using var first = await client.SendAsync(Uploads.Request(issue.Key, File("1.txt", 1)));
        using var twoMore = await client.SendAsync(Uploads.Request(issue.Key, File("2.txt", 1), File("3.txt", 1)));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(twoMore.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(issue.Attachments, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Upload_ToAMissingIssue_Answers404()
    {
        using var response = await client.SendAsync(Uploads.Request("ACME-999", File("a.txt", 1)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Upload_IsCountedUnderItsEndpoint()
    {
        using var response = await client.SendAsync(Uploads.Request(issue.Key, File("a.txt", 1), File("b.txt", 1)));
        Assert.That(site.Requests["POST /rest/api/3/issue/{issueIdOrKey}/attachments"], Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_NonAsciiFileName_IsKept()
    {
        using var response = await client.SendAsync(Uploads.Request(issue.Key, File("Überweisung ✓.pdf", 1)));
        var uploaded = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        Assert.That(uploaded[0]!["filename"]!.GetValue<string>(), Is.EqualTo("Überweisung ✓.pdf"));
    }

    [Test]
    public async Task Upload_NotMultipart_Answers415AndStoresNothing()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SimClients.V3($"issue/{issue.Key}/attachments")) { Content = new ByteArrayContent([1, 2]) };
        request.Headers.Add("X-Atlassian-Token", "no-check");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(issue.Attachments, Is.Empty);
    }

    [Test]
    public async Task Upload_TruncatedMultipart_Answers400AndStoresNothing()
    {
        var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var request = new HttpRequestMessage(HttpMethod.Post, SimClients.V3($"issue/{issue.Key}/attachments")) { Content = content };
        request.Headers.Add("X-Atlassian-Token", "no-check");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(issue.Attachments, Is.Empty);
    }

    [Test]
    public async Task Upload_WithoutAPartNamedFile_Answers400()
    {
        var request = Uploads.Request(issue.Key);
        ((MultipartFormDataContent)request.Content!).Add(new ByteArrayContent([1]), "attachment", "a.txt");
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(issue.Attachments, Is.Empty);
    }
}
