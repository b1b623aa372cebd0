using System.Text;
using ConnectAddon.Jira;
using WireMock.ResponseBuilders;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Attachments ("Jira REST API v3: Issue attachments"): multipart upload, metadata in both id forms, streamed bytes.</summary>
public class JiraAttachmentRequestTests : JiraSiteTest
{
    [Test]
    public async Task UploadAttachment_SendsPartFileWithNoCheckTokenAndReadsTheAttachments()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/attachments")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/attachments", "post", "200")));
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("debug log line 1\n"));

        var result = await client.UploadAttachmentAsync("ED-1", file, "debuglog.txt", "text/plain");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var request = jira.Single();
        Assert.That(request.Header("X-Atlassian-Token"), Is.EqualTo("no-check"));
        Assert.That(request.Header("Content-Type"), Does.StartWith("multipart/form-data; boundary="));
        var body = Encoding.UTF8.GetString(request.BodyAsBytes!);
        Assert.That(body, Does.Contain("Content-Disposition: form-data; name=\"file\"; filename=\"debuglog.txt\""));
        Assert.That(body, Does.Contain("Content-Type: text/plain"));
        Assert.That(body, Does.Contain("debug log line 1\n"));
        Assert.That(file.CanRead, Is.True, "the caller's stream is left open");

        var attachments = result.Value!;
        Assert.That(attachments.Select(a => a.Id), Is.EqualTo(new[] { "10001", null }), "the second example has no id");
        Assert.That(attachments[0].FileName, Is.EqualTo("picture.jpg"));
        Assert.That(attachments[0].Size, Is.EqualTo(23123));
        Assert.That(attachments[0].Created, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1651316514000)), "epoch milliseconds");
    }

    [Test]
    public async Task UploadAttachment_NameOutsideAscii_IsSentAsUtf8AsBrowsersDo()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/attachments")).RespondWith(Json(200, "[]"));
        using var file = new MemoryStream([1, 2, 3]);

        await client.UploadAttachmentAsync("ED-1", file, "Übersicht Q1 – 東京.pdf");

        var body = Encoding.UTF8.GetString(jira.Single().BodyAsBytes!);
        Assert.That(body, Does.Contain("name=\"file\"; filename=\"Übersicht Q1 – 東京.pdf\""));
    }

    [Test]
    public async Task UploadAttachment_NameWithQuotesAndLineBreaks_CannotBreakOutOfItsHeader()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/attachments")).RespondWith(Json(200, "[]"));
        using var file = new MemoryStream([1, 2, 3]);

        await client.UploadAttachmentAsync("ED-1", file, "a\"b\r\nX-Evil: 1.txt");

        var body = Encoding.UTF8.GetString(jira.Single().BodyAsBytes!);
        Assert.That(body, Does.Contain("filename=\"a%22b%0D%0AX-Evil: 1.txt\""));
        Assert.That(body, Does.Not.Contain("\r\nX-Evil"));
    }

    [Test]
    public async Task UploadAttachment_TooLarge_ReturnsPayloadTooLarge()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/attachments")).RespondWith(JiraErrors(413, ["The file exceeds the maximum attachment size."]));
        using var file = new MemoryStream(new byte[1024]);

        var result = await client.UploadAttachmentAsync("ED-1", file, "big.bin");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.PayloadTooLarge));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetAttachment_ReadsANumericIdAndJirasTimestamp()
    {
        jira.Given(At("GET", "/rest/api/3/attachment/10000")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/attachment/{id}", "get", "200")));

        var result = await client.GetAttachmentAsync("10000");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Id, Is.EqualTo("10000"));
        Assert.That(result.Value.MimeType, Is.EqualTo("image/jpeg"));
        Assert.That(result.Value.Created, Is.EqualTo(new DateTimeOffset(2022, 10, 6, 7, 32, 47, TimeSpan.Zero)));
        Assert.That(result.Value.Author!.AccountId, Is.EqualTo("5b10a2844c20165700ede21g"));
    }

    [Test]
    public async Task OpenAttachmentContent_AsksForNoRedirectAndStreamsTheBytes()
    {
        var bytes = Enumerable.Range(0, 256 * 1024).Select(i => (byte)(i % 251)).ToArray();
        jira.Given(At("GET", "/rest/api/3/attachment/content/10000")).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/jpeg").WithBody(bytes));

        var result = await client.OpenAttachmentContentAsync("10000");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        await using var content = result.Value!;
        Assert.That(content.Content.CanSeek, Is.False, "read off the connection, not buffered into memory");
        Assert.That(content.MediaType, Is.EqualTo("image/jpeg"));
        using var copy = new MemoryStream();
        await content.Content.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
        Assert.That(jira.Single().Param("redirect"), Is.EqualTo("false"));
    }

    [Test]
    public async Task OpenAttachmentContent_Missing_ReturnsNotFound()
    {
        jira.Given(At("GET", "/rest/api/3/attachment/content/999")).RespondWith(JiraErrors(404, ["The attachment does not exist."]));

        var result = await client.OpenAttachmentContentAsync("999");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.NotFound));
        Assert.That(result.Error.ErrorMessages, Is.EqualTo(new[] { "The attachment does not exist." }));
    }

    [Test]
    public async Task DeleteAttachment_SendsDelete()
    {
        jira.Given(At("DELETE", "/rest/api/3/attachment/10000")).RespondWith(Response.Create().WithStatusCode(204));

        var result = await client.DeleteAttachmentAsync("10000");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
    }
}
