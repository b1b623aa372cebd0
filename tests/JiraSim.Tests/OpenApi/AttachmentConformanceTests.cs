using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>Attachment operations answer in the shapes of the OpenAPI document ("Issue attachments").</summary>
public sealed class AttachmentConformanceTests : SimulatorTest
{
    private const string Content = "/rest/api/3/attachment/content/{id}";
    private const string Attachment = "/rest/api/3/attachment/{id}";

    private SimIssue NewIssue()
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        return site.CreateIssue(site.Users[0], project, project.IssueTypes[0], "Printer on fire", null);
    }

    [Test]
    public async Task Upload_AnswersArrayOfAttachments()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        var uploaded = await Conformance.CheckAsync(client.SendAsync(Uploads.Request(issue.Key, ("a.txt", [1, 2]), ("b.png", [3]))),
            "POST", "/rest/api/3/issue/{issueIdOrKey}/attachments", 200);
        Assert.That(uploaded!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task MetadataContentAndDelete_Conform()
    {
        using var client = jira.Admin("site-a");
        using var noRedirects = Uploads.WithoutRedirects(client);
        var issue = NewIssue();
        var id = jira.Site("site-a").AddAttachment(jira.Site("site-a").Users[0], issue, "log.txt", "text/plain", [1, 2, 3])!.Id;

        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"attachment/{id}")), "GET", Attachment, 200);
        await Conformance.CheckAsync(noRedirects.GetAsync(SimClients.V3($"attachment/content/{id}")), "GET", Content, 303);
        using (var bytes = await client.GetAsync(SimClients.V3($"attachment/content/{id}?redirect=false")))
        {
            Assert.That(await bytes.Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(OpenApiResponseValidator.Validate("GET", Content, (int)bytes.StatusCode, ""), Is.Empty);
        }
        await Conformance.CheckAsync(client.DeleteAsync(SimClients.V3($"attachment/{id}")), "DELETE", Attachment, 204);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"attachment/{id}")), "GET", Attachment, 404);
    }

    [Test]
    public async Task Upload_BeyondThePerIssueLimit_Answers413()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        jira.Site("site-a").Limits = new Limits(AttachmentsPerIssue: 0);
        await Conformance.CheckAsync(client.SendAsync(Uploads.Request(issue.Key, ("a.txt", [1]))), "POST", "/rest/api/3/issue/{issueIdOrKey}/attachments", 413);
    }

    [Test]
    public async Task Upload_RefusedForXsrfOrAMissingIssue_AnswersErrorCollection()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        await Conformance.CheckAsync(client.SendAsync(Uploads.Request(issue.Key, noCheckHeader: false, ("a.txt", [1]))), "POST", "/rest/api/3/issue/{issueIdOrKey}/attachments", 403);
        await Conformance.CheckAsync(client.SendAsync(Uploads.Request("ACME-999", ("a.txt", [1]))), "POST", "/rest/api/3/issue/{issueIdOrKey}/attachments", 404);
    }
}
