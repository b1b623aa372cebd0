using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Adf;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>Issue reads and writes answer in the shapes of the OpenAPI document ("Issues").</summary>
public sealed class IssueConformanceTests : SimulatorTest
{
    private const string Issue = "/rest/api/3/issue/{issueIdOrKey}";

    private async Task<string> CreateAsync(HttpClient client)
    {
        var created = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("issue"), new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "ACME" }, ["issuetype"] = new JsonObject { ["name"] = "Bug" },
                ["summary"] = "Printer on fire", ["description"] = AdfValidator.Paragraph("It is on fire."), ["labels"] = new JsonArray("hot"),
            },
        }), "POST", "/rest/api/3/issue", 201);
        return created!["key"]!.GetValue<string>();
    }

    [Test]
    public async Task CreateIssue_Conforms()
    {
        using var client = jira.Admin("site-a");
        Assert.That(await CreateAsync(client), Is.EqualTo("ACME-1"));
    }

    [Test]
    public async Task GetIssue_WithAllFieldsCommentsAndAttachments_Conforms()
    {
        using var client = jira.Admin("site-a");
        var key = await CreateAsync(client);
        var site = jira.Site("site-a");
        var issue = site.FindIssue(key)!;
        site.AddComment(site.Users[0], issue, AdfValidator.Paragraph("First!"));
        site.AddAttachment(site.Users[0], issue, "log.txt", "text/plain", [1, 2, 3]);
        var body = await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/{key}?expand=names")), "GET", Issue, 200);
        Assert.That(body!["fields"]!["comment"]!["comments"]!.AsArray(), Has.Count.EqualTo(1));
    }

    // IssueBean types `fields` as any object; the standard fields' values have schemas of their own.
    [Test]
    public async Task GetIssue_StandardFieldValues_ConformToTheirSchemas()
    {
        using var client = jira.Admin("site-a");
        var key = await CreateAsync(client);
        var site = jira.Site("site-a");
        var issue = site.FindIssue(key)!;
        site.AddComment(site.Users[1], issue, AdfValidator.Paragraph("First!"));
        site.AddAttachment(site.Users[0], issue, "log.txt", "text/plain", [1, 2, 3]);
        var fields = (await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/{key}")), "GET", Issue, 200))!["fields"]!;
        Conformance.Component("IssueTypeDetails", fields["issuetype"]);
        Conformance.Component("ProjectDetails", fields["project"]);
        Conformance.Component("UserDetails", fields["reporter"]);
        Conformance.Component("UserDetails", fields["creator"]);
        Conformance.Component("StatusDetails", fields["status"]);
        Conformance.Component("PageOfComments", fields["comment"]);
        Conformance.Component("Attachment", fields["attachment"]![0]);
        Assert.That(AdfValidator.Validate(fields["description"]), Is.Null);
    }

    [Test]
    public async Task GetIssue_WithSelectedFieldsAndProperties_Conforms()
    {
        using var client = jira.Admin("site-a");
        var key = await CreateAsync(client);
        jira.Site("site-a").FindIssue(key)!.Properties["sync.twin"] = new JsonObject { ["remote"] = "GLX-7" };
        var body = await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/{key}?fields=summary,updated&properties=sync.twin")), "GET", Issue, 200);
        Assert.That(body!["properties"]!["sync.twin"]!["remote"]!.GetValue<string>(), Is.EqualTo("GLX-7"));
    }

    [Test]
    public async Task EditIssue_AnswersNoContent()
    {
        using var client = jira.Admin("site-a");
        var key = await CreateAsync(client);
        await Conformance.CheckAsync(client.PutAsJsonAsync(SimClients.V3($"issue/{key}"), new JsonObject { ["fields"] = new JsonObject { ["summary"] = "Still on fire" } }), "PUT", Issue, 204);
    }

    [Test]
    public async Task DeleteIssue_AnswersNoContent()
    {
        using var client = jira.Admin("site-a");
        var key = await CreateAsync(client);
        await Conformance.CheckAsync(client.DeleteAsync(SimClients.V3($"issue/{key}")), "DELETE", Issue, 204);
    }

    [Test]
    public async Task CreateIssue_WithoutSummary_AnswersErrorCollection()
    {
        using var client = jira.Admin("site-a");
        var body = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("issue"), new JsonObject
        {
            ["fields"] = new JsonObject { ["project"] = new JsonObject { ["key"] = "ACME" }, ["issuetype"] = new JsonObject { ["name"] = "Bug" } },
        }), "POST", "/rest/api/3/issue", 400);
        Assert.That(body!["errors"]!["summary"], Is.Not.Null);
    }

    [Test]
    public async Task GetIssue_Missing_AnswersErrorCollection()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("issue/ACME-999")), "GET", Issue, 404);
    }

    [Test]
    public async Task EditAndDeleteIssue_Missing_AnswerErrorCollection()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.PutAsJsonAsync(SimClients.V3("issue/ACME-999"), new JsonObject { ["fields"] = new JsonObject() }), "PUT", Issue, 404);
        await Conformance.CheckAsync(client.DeleteAsync(SimClients.V3("issue/ACME-999")), "DELETE", Issue, 404);
    }
}
