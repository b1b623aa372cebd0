using System.Text.Json.Nodes;
using JiraSim.Model;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Rest;

public class CommentTests : SimulatorTest
{
    [Test]
    public async Task AddEditDelete_ChangeTheCommentAndAnnounceEachWithAnIssueUpdate()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Commented");
        var events = new List<string>();
        jira.Site("site-a").Changed += c => { lock (events) events.Add(c.Event); };

        var (added, comment) = await admin.SendJson(HttpMethod.Post, SimClients.V3($"issue/{key}/comment"), new JsonObject { ["body"] = AdfDoc.Text("first") });
        var id = comment!["id"]!.GetValue<string>();
        var (edited, after) = await admin.SendJson(HttpMethod.Put, SimClients.V3($"issue/{key}/comment/{id}"), new JsonObject { ["body"] = AdfDoc.Text("edited") });
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V3($"issue/{key}/comment/{id}"));
        var (gone, _) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}/comment/{id}"));

        Assert.That((added, edited, deleted, gone), Is.EqualTo((201, 200, 204, 404)));
        Assert.That(JsonNode.DeepEquals(after!["body"], AdfDoc.Text("edited")));
        Assert.That(comment["jsdPublic"]!.GetValue<bool>(), Is.True);
        Assert.That(events, Is.EqualTo(new[] { "comment_created", "jira:issue_updated", "comment_updated", "jira:issue_updated", "comment_deleted", "jira:issue_updated" }));
    }

    [Test]
    public async Task List_PagesWithStartAtAndMaxResults()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Chatty");
        for (var i = 0; i < 7; i++)
            await admin.SendJson(HttpMethod.Post, SimClients.V3($"issue/{key}/comment"), new JsonObject { ["body"] = AdfDoc.Text("c" + i) });

        var (_, page) = await admin.SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}/comment?startAt=5&maxResults=5"));

        Assert.That(page!["total"]!.GetValue<int>(), Is.EqualTo(7));
        Assert.That(page["startAt"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(page["comments"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AddBeyondThePerIssueLimit_Is413()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Full");
        jira.Site("site-a").Limits = new Limits(CommentsPerIssue: 2);
        for (var i = 0; i < 2; i++)
            await admin.SendJson(HttpMethod.Post, SimClients.V3($"issue/{key}/comment"), new JsonObject { ["body"] = AdfDoc.Text("c" + i) });

        var (status, body) = await admin.SendJson(HttpMethod.Post, SimClients.V3($"issue/{key}/comment"), new JsonObject { ["body"] = AdfDoc.Text("one too many") });

        Assert.That(status, Is.EqualTo(413));
        Assert.That(body!["errorMessages"]![0]!.GetValue<string>(), Does.Contain("limit"));
    }

    [Test]
    public async Task AddWithInvalidAdf_Is400AndAddsNothing()
    {
        var admin = jira.Admin("site-a");
        var key = await admin.CreateIssue("ACME", "Task", "Strict");
        var (status, _) = await admin.SendJson(HttpMethod.Post, SimClients.V3($"issue/{key}/comment"), new JsonObject { ["body"] = "plain" });
        Assert.That(status, Is.EqualTo(400));
        Assert.That(jira.Site("site-a").FindIssue(key)!.Comments, Is.Empty);
    }
}
