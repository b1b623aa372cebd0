using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterCommentTests : DataCenterTest
{
    private string key = null!;

    [SetUp]
    public async Task CreateIssue() => key = await admin.CreateIssueV2("GLX", "Task", "Commented");

    [Test]
    public async Task AddThenGet_KeepsTheWikiBodyVerbatim_WithTheAuthorAsADataCenterUser()
    {
        var (status, added) = await admin.SendJson(HttpMethod.Post, SimClients.V2($"issue/{key}/comment"), new JsonObject { ["body"] = "{quote}as said{quote} -- *me*" });
        var id = added!["id"]!.GetValue<string>();
        var (_, read) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/comment/{id}"));

        Assert.That(status, Is.EqualTo(201));
        Assert.That(read!["body"]!.GetValue<string>(), Is.EqualTo("{quote}as said{quote} -- *me*"));
        Assert.That(read["author"]!["name"]!.GetValue<string>(), Is.EqualTo("admin"));
        Assert.That(read["updateAuthor"]!["key"]!.GetValue<string>(), Is.EqualTo("JIRAUSER10000"));
        Assert.That(read["author"]!.AsObject().ContainsKey("accountId"), Is.False);
        Assert.That(read["self"]!.GetValue<string>(), Does.Contain("/rest/api/2/issue/"));
        Assert.That(read["created"]!.GetValue<string>(), Does.Match(@"[+-]\d{4}$"));
    }

    [Test]
    public async Task List_PagesWithStartAtAndMaxResults_AndOrdersByCreated()
    {
        foreach (var text in new[] { "one", "two", "three" })
            await admin.SendJson(HttpMethod.Post, SimClients.V2($"issue/{key}/comment"), new JsonObject { ["body"] = text });

        var (_, page) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/comment?startAt=1&maxResults=1"));
        var (_, newest) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/comment?orderBy=-created&maxResults=1"));

        Assert.That(page!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "startAt", "maxResults", "total", "comments" }));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(page["comments"]![0]!["body"]!.GetValue<string>(), Is.EqualTo("two"));
        Assert.That(newest!["comments"]![0]!["body"]!.GetValue<string>(), Is.EqualTo("three"));
    }

    [Test]
    public async Task UpdateByAnotherUser_SetsTheUpdateAuthor_ThenDeleteRemovesIt()
    {
        var (_, added) = await admin.SendJson(HttpMethod.Post, SimClients.V2($"issue/{key}/comment"), new JsonObject { ["body"] = "first" });
        var id = added!["id"]!.GetValue<string>();
        using var user = jira.User(Site);

        var (updated, body) = await user.SendJson(HttpMethod.Put, SimClients.V2($"issue/{key}/comment/{id}"), new JsonObject { ["body"] = "_second_" });
        var (deleted, _) = await admin.SendJson(HttpMethod.Delete, SimClients.V2($"issue/{key}/comment/{id}"));
        var (missing, _) = await admin.SendJson(HttpMethod.Get, SimClients.V2($"issue/{key}/comment/{id}"));

        Assert.That(updated, Is.EqualTo(200));
        Assert.That(body!["body"]!.GetValue<string>(), Is.EqualTo("_second_"));
        Assert.That(body["updateAuthor"]!["name"]!.GetValue<string>(), Is.EqualTo("user"));
        Assert.That((deleted, missing), Is.EqualTo((204, 404)));
    }

    [Test]
    public async Task AnEmptyBody_OrAnAdfDocument_IsRefused()
    {
        var (empty, emptyBody) = await admin.SendJson(HttpMethod.Post, SimClients.V2($"issue/{key}/comment"), new JsonObject { ["body"] = " " });
        var (adf, _) = await admin.SendJson(HttpMethod.Post, SimClients.V2($"issue/{key}/comment"), new JsonObject { ["body"] = AdfDoc.Text("Cloud's") });

        Assert.That(empty, Is.EqualTo(400));
        Assert.That(emptyBody!["errors"]!["comment"]!.GetValue<string>(), Is.EqualTo("Comment body can not be empty!"));
        Assert.That(adf, Is.EqualTo(400));
    }
}
