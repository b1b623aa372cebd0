using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Adf;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>Comment reads and writes answer in the shapes of the OpenAPI document ("Issue comments").</summary>
public sealed class CommentConformanceTests : SimulatorTest
{
    private const string Comments = "/rest/api/3/issue/{issueIdOrKey}/comment";
    private const string Comment = "/rest/api/3/issue/{issueIdOrKey}/comment/{id}";

    private SimIssue NewIssue()
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        return site.CreateIssue(site.Users[0], project, project.IssueTypes[0], "Printer on fire", null);
    }

    private static JsonObject Body(string text) => new() { ["body"] = AdfValidator.Paragraph(text) };

    [Test]
    public async Task AddComment_AnswersCreatedComment()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        var comment = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3($"issue/{issue.Key}/comment"), Body("First!")), "POST", Comments, 201);
        Assert.That(comment!["id"]!.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task ListComments_AnswersPageOfComments()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        jira.Site("site-a").AddComment(jira.Site("site-a").Users[1], issue, AdfValidator.Paragraph("First!"));
        var page = await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/{issue.Key}/comment?startAt=0&maxResults=10&orderBy=-created")), "GET", Comments, 200);
        Assert.That(page!["comments"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GetUpdateAndDeleteComment_Conform()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        var id = jira.Site("site-a").AddComment(jira.Site("site-a").Users[1], issue, AdfValidator.Paragraph("First!"))!.Id;
        var path = SimClients.V3($"issue/{issue.Key}/comment/{id}");
        await Conformance.CheckAsync(client.GetAsync(path), "GET", Comment, 200);
        await Conformance.CheckAsync(client.PutAsJsonAsync(path, Body("Second thoughts")), "PUT", Comment, 200);
        await Conformance.CheckAsync(client.DeleteAsync(path), "DELETE", Comment, 204);
        await Conformance.CheckAsync(client.GetAsync(path), "GET", Comment, 404);
    }

    [Test]
    public async Task AddComment_BeyondThePerIssueLimit_Answers413()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        jira.Site("site-a").Limits = new Limits(CommentsPerIssue: 1);
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3($"issue/{issue.Key}/comment"), Body("First!")), "POST", Comments, 201);
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3($"issue/{issue.Key}/comment"), Body("One too many")), "POST", Comments, 413);
    }

    [Test]
    public async Task AddComment_WithInvalidDocument_Answers400()
    {
        using var client = jira.Admin("site-a");
        var issue = NewIssue();
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3($"issue/{issue.Key}/comment"), new JsonObject { ["body"] = "plain text" }), "POST", Comments, 400);
    }

    [Test]
    public async Task Comments_OfAMissingIssue_Answer404()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("issue/ACME-999/comment")), "GET", Comments, 404);
    }
}
