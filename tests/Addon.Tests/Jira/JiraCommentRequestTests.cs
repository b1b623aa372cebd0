using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Comments: paged reading with startAt/maxResults, and ADF bodies written as they are.</summary>
public class JiraCommentRequestTests : JiraSiteTest
{
    private static readonly JsonNode Body = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Synced from ACME: Mia wrote on 17 Jan"}]}]}""")!;

    private static string Page(int startAt, int total, params string[] ids) => new JsonObject
    {
        ["startAt"] = startAt,
        ["maxResults"] = 100,
        ["total"] = total,
        ["comments"] = new JsonArray(ids.Select(id => (JsonNode?)new JsonObject { ["id"] = id, ["body"] = Body.DeepClone(), ["created"] = "2021-01-17T12:34:00.000+0000" }).ToArray()),
    }.ToJsonString();

    [Test]
    public async Task GetCommentsPage_ReadsTheDocumentedExample()
    {
        jira.Given(At("GET", "/rest/api/3/issue/10010/comment")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/comment", "get", "200")));

        var result = await client.GetCommentsPageAsync("10010");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var comment = result.Value!.Comments.Single();
        Assert.That(comment.Id, Is.EqualTo("10000"));
        Assert.That(comment.Author!.DisplayName, Is.EqualTo("Mia Krystof"));
        Assert.That(comment.Created, Is.EqualTo(new DateTimeOffset(2021, 1, 17, 12, 34, 0, TimeSpan.Zero)));
        Assert.That(comment.Body!["type"]!.GetValue<string>(), Is.EqualTo("doc"));
        var request = jira.Single();
        Assert.That((request.Param("startAt"), request.Param("maxResults"), request.Param("orderBy")), Is.EqualTo(("0", "100", "created")));
    }

    [Test]
    public async Task GetAllComments_ReadsPageAfterPageUntilTheTotal()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/comment").WithParam("startAt", "0")).RespondWith(Json(200, Page(0, 3, "1", "2")));
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/comment").WithParam("startAt", "2")).RespondWith(Json(200, Page(2, 3, "3")));

        var result = await client.GetAllCommentsAsync("ED-1");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Select(c => c.Id), Is.EqualTo(new[] { "1", "2", "3" }));
        Assert.That(jira.Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task GetAllComments_APageFails_FailsAsAWhole()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/comment").WithParam("startAt", "0")).RespondWith(Json(200, Page(0, 3, "1", "2")));
        jira.Given(At("GET", "/rest/api/3/issue/ED-1/comment").WithParam("startAt", "2")).RespondWith(JiraErrors(404, ["Issue does not exist"]));

        var result = await client.GetAllCommentsAsync("ED-1");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.NotFound));
    }

    [Test]
    public async Task AddComment_PostsTheAdfBodyAndReadsTheComment()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/comment")).RespondWith(Json(201, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/comment", "post", "201")));

        var result = await client.AddCommentAsync("ED-1", Body);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Id, Is.EqualTo("10000"));
        var sent = jira.Single().BodyJson().AsObject();
        Assert.That(sent.Select(p => p.Key), Is.EqualTo(new[] { "body" }), "public: no visibility restriction");
        Assert.That(JsonNode.DeepEquals(sent["body"], Body), Is.True);
    }

    [Test]
    public async Task UpdateComment_PutsTheNewBody()
    {
        jira.Given(At("PUT", "/rest/api/3/issue/ED-1/comment/10000")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/comment", "post", "201")));

        var result = await client.UpdateCommentAsync("ED-1", "10000", Body, notifyUsers: false);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var request = jira.Single();
        Assert.That(request.Param("notifyUsers"), Is.EqualTo("false"));
        Assert.That(JsonNode.DeepEquals(request.BodyJson()["body"], Body), Is.True);
    }

    [Test]
    public async Task DeleteComment_SendsDelete()
    {
        jira.Given(At("DELETE", "/rest/api/3/issue/ED-1/comment/10000")).RespondWith(Response.Create().WithStatusCode(204));

        var result = await client.DeleteCommentAsync("ED-1", "10000");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Single().Method, Is.EqualTo("DELETE"));
    }
}
