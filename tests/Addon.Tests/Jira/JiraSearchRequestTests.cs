using ConnectAddon.Jira.Models;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>JQL search through POST /rest/api/3/search/jql, paged by nextPageToken (the old /search answers 410).</summary>
public class JiraSearchRequestTests : JiraSiteTest
{
    [Test]
    public async Task Search_PostsJqlFieldsAndTokenAndReadsIssuesAndIsLast()
    {
        jira.Given(At("POST", "/rest/api/3/search/jql")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/search/jql", "post", "200")));

        var result = await client.SearchAsync(new JiraSearchRequest
        {
            Jql = "project = ED AND updated >= \"2024-01-01 10:00\" ORDER BY updated ASC",
            Fields = ["summary", "updated"],
            MaxResults = 50,
            NextPageToken = "token-from-page-1",
        });

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var body = jira.Single().BodyJson();
        Assert.That(body["jql"]!.GetValue<string>(), Is.EqualTo("project = ED AND updated >= \"2024-01-01 10:00\" ORDER BY updated ASC"));
        Assert.That(body["fields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "summary", "updated" }));
        Assert.That(body["maxResults"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(body["nextPageToken"]!.GetValue<string>(), Is.EqualTo("token-from-page-1"));
        Assert.That(result.Value!.Issues.Select(i => i.Key), Is.EqualTo(new[] { "ED-1" }));
        Assert.That(result.Value.IsLast, Is.True);
    }

    [Test]
    public async Task Search_PageWithAToken_IsNotTheLast()
    {
        jira.Given(At("POST", "/rest/api/3/search/jql")).RespondWith(Json(200, """{"issues":[{"id":"10002"},{"id":10003}],"nextPageToken":"CAEaAggD"}"""));

        var result = await client.SearchAsync(new JiraSearchRequest { Jql = "project = ED" });

        Assert.That(result.Value!.Issues.Select(i => i.Id), Is.EqualTo(new[] { "10002", "10003" }), "ids only when no fields are asked for");
        Assert.That(result.Value.NextPageToken, Is.EqualTo("CAEaAggD"));
        Assert.That(result.Value.IsLast, Is.False);
        Assert.That(jira.Single().BodyJson().AsObject().Select(p => p.Key), Is.EqualTo(new[] { "jql" }), "unset parameters are left out");
    }
}
