using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using WireMock.ResponseBuilders;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Issues: GET, POST, PUT and DELETE as REST v3 documents them, answers as its examples show them.</summary>
public class JiraIssueRequestTests : JiraSiteTest
{
    private static readonly JsonNode Adf = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Order entry fails"}]}]}""")!;

    [Test]
    public async Task GetIssue_WithFieldsExpandAndProperties_AsksForThemAndReadsTheIssue()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-1")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}", "get", "200")));

        var result = await client.GetIssueAsync("ED-1", new JiraIssueQuery { Fields = ["summary", "description", "updated"], Expand = ["renderedFields"], Properties = ["sync.twin"] });

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var request = jira.Single();
        Assert.That(request.Method, Is.EqualTo("GET"));
        Assert.That(request.Param("fields"), Is.EqualTo("summary,description,updated"));
        Assert.That(request.Param("expand"), Is.EqualTo("renderedFields"));
        Assert.That(request.Param("properties"), Is.EqualTo("sync.twin"));
        var issue = result.Value!;
        Assert.That((issue.Id, issue.Key), Is.EqualTo(("10002", "ED-1")));
        Assert.That(issue.Description!["type"]!.GetValue<string>(), Is.EqualTo("doc"), "descriptions stay ADF");
        Assert.That(issue.Project!.Key, Is.EqualTo("EX"));
        Assert.That(issue.Fields["attachment"]![0]!["id"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
    }

    [Test]
    public async Task GetIssue_KeyNeedingEscaping_IsOneEscapedPathSegment()
    {
        jira.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(JiraErrors(404, ["Issue does not exist"]));

        await client.GetIssueAsync("ED 1/../x");

        // WireMock shows the space decoded; the slashes stay encoded, so "..", too, stays inside the one segment.
        Assert.That(jira.Single().AbsoluteUrl, Does.EndWith("/site-a/rest/api/3/issue/ED 1%2F..%2Fx"));
    }

    [Test]
    public async Task CreateIssue_PostsFieldsAndReadsIdKeyAndSelf()
    {
        jira.Given(At("POST", "/rest/api/3/issue")).RespondWith(Json(201, OpenApiExamples.Response("/rest/api/3/issue", "post", "201")));

        var result = await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", "Main order flow broken", Adf));

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value, Is.EqualTo(new JiraCreatedIssue { Id = "10000", Key = "ED-24", Self = "https://your-domain.atlassian.net/rest/api/3/issue/10000" }));
        var request = jira.Single();
        Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
        var fields = request.BodyJson()["fields"]!;
        Assert.That(fields["project"]!["id"]!.GetValue<string>(), Is.EqualTo("10000"));
        Assert.That(fields["issuetype"]!["id"]!.GetValue<string>(), Is.EqualTo("10001"));
        Assert.That(fields["summary"]!.GetValue<string>(), Is.EqualTo("Main order flow broken"));
        Assert.That(JsonNode.DeepEquals(fields["description"], Adf), Is.True);
        Assert.That(request.BodyJson().AsObject().ContainsKey("update"), Is.False, "nothing sent that was not set");
    }

    [Test]
    public async Task CreateIssue_RefusedByJira_ReturnsBadRequestWithItsFieldErrors()
    {
        jira.Given(At("POST", "/rest/api/3/issue")).RespondWith(JiraErrors(400, [], new() { ["summary"] = "You must specify a summary of the issue." }));

        var result = await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", ""));

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.BadRequest));
        Assert.That(result.Error.Errors, Is.EquivalentTo(new Dictionary<string, string> { ["summary"] = "You must specify a summary of the issue." }));
        Assert.That(result.Error.Message, Does.Contain("summary"));
    }

    [Test]
    public async Task EditIssue_PutsTheFieldsAndAcceptsNoContent()
    {
        jira.Given(At("PUT", "/rest/api/3/issue/ED-1")).RespondWith(Response.Create().WithStatusCode(204));

        var result = await client.EditIssueAsync("ED-1", new JiraIssueInput { Fields = new JsonObject { ["summary"] = "Renamed" } }, notifyUsers: false);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var request = jira.Single();
        Assert.That(request.Param("notifyUsers"), Is.EqualTo("false"));
        Assert.That(request.BodyJson().ToJsonString(), Is.EqualTo("""{"fields":{"summary":"Renamed"}}"""));
    }

    [Test]
    public async Task DeleteIssue_SendsDeleteAndAcceptsNoContent()
    {
        jira.Given(At("DELETE", "/rest/api/3/issue/ED-1")).RespondWith(Response.Create().WithStatusCode(204));

        var result = await client.DeleteIssueAsync("ED-1");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Single().Param("deleteSubtasks"), Is.Null);
    }
}
