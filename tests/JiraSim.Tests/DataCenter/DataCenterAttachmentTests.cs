using System.Net;
using System.Text.Json.Nodes;
using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterAttachmentTests : DataCenterTest
{
    private static readonly byte[] Bytes = [0x25, 0x50, 0x44, 0x46, 0, 255];
    private string key = null!;

    [SetUp]
    public async Task CreateIssue() => key = await admin.CreateIssueV2("GLX", "Task", "With files");

    [Test]
    public async Task Upload_WithoutTheNoCheckHeader_FailsTheXsrfCheck()
    {
        using var response = await admin.SendAsync(Upload(key, noCheck: false));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("XSRF check failed"));
        Assert.That(jira.Site(Site).FindIssue(key)!.Attachments, Is.Empty);
    }

    [Test]
    public async Task Upload_AnswersTheAttachments_WithContentUnderSecureAttachment()
    {
        using var response = await admin.SendAsync(Upload(key));
        var added = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var attachment = added.Single()!;
        var id = attachment["id"]!.GetValue<string>();
        Assert.That(attachment["filename"]!.GetValue<string>(), Is.EqualTo("report.pdf"));
        Assert.That(attachment["content"]!.GetValue<string>(), Is.EqualTo($"{jira.Site(Site).BaseUrlText}/secure/attachment/{id}/report.pdf"));
        Assert.That(attachment["author"]!["name"]!.GetValue<string>(), Is.EqualTo("admin"));
        Assert.That(attachment["self"]!.GetValue<string>(), Is.EqualTo($"{jira.Site(Site).BaseUrlText}/rest/api/2/attachment/{id}"));
    }

    [Test]
    public async Task Content_IsServedToAnAuthenticatedCaller_ByTokenOrPassword_AndNotToAnonymous()
    {
        var content = await UploadedContentUrl();
        using var basic = jira.BasicAuth(Site, "user", DefaultSeed.UserPassword);
        using var anonymous = new HttpClient();

        var byToken = await admin.GetByteArrayAsync(content);
        var byPassword = await basic.GetByteArrayAsync(content);
        using var refused = await anonymous.GetAsync(content);

        Assert.That(byToken, Is.EqualTo(Bytes));
        Assert.That(byPassword, Is.EqualTo(Bytes));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Content_OnACloudSite_IsNotServedUnderSecureAttachment()
    {
        using var cloud = jira.Admin("site-b");

        using var response = await cloud.GetAsync("secure/attachment/10000/report.pdf");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Metadata_ThenDelete()
    {
        var content = await UploadedContentUrl();
        var id = content.Split('/')[^2];

        var (status, metadata) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"attachment/{id}"));
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V2($"attachment/{id}"));
        var (missing, _) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"attachment/{id}"));
        using var gone = await admin.GetAsync(content);

        Assert.That(status, Is.EqualTo(200));
        Assert.That(metadata!["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(metadata["size"]!.GetValue<long>(), Is.EqualTo(Bytes.Length));
        Assert.That(metadata["content"]!.GetValue<string>(), Is.EqualTo(content));
        Assert.That((deleted, missing), Is.EqualTo((204, 404)));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<string> UploadedContentUrl()
    {
        using var response = await admin.SendAsync(Upload(key));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())![0]!["content"]!.GetValue<string>();
    }

    private static HttpRequestMessage Upload(string issue, bool noCheck = true)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Bytes), "file", "report.pdf" } };
        var request = new HttpRequestMessage(HttpMethod.Post, SimClients.V2($"issue/{issue}/attachments")) { Content = form };
        if (noCheck)
            request.Headers.Add("X-Atlassian-Token", "no-check");
        return request;
    }
}
