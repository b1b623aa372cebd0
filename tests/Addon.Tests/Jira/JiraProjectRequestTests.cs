using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Projects and issue types: what the Connections page lists and what the sync mirrors types by.</summary>
public class JiraProjectRequestTests : JiraSiteTest
{
    [Test]
    public async Task GetProject_ReadsKeyNameStyleAndIssueTypes()
    {
        jira.Given(At("GET", "/rest/api/3/project/EX")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/project/{projectIdOrKey}", "get", "200")));

        var result = await client.GetProjectAsync("EX");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var project = result.Value!;
        Assert.That((project.Id, project.Key, project.Name, project.Style), Is.EqualTo(("10000", "EX", "Example", "classic")));
        Assert.That(project.IssueTypes!.Select(t => t.Name), Is.EqualTo(new[] { "Task", "Bug" }));
    }

    [Test]
    public async Task SearchProjects_SendsQueryAndPagingAndReadsIsLast()
    {
        jira.Given(At("GET", "/rest/api/3/project/search")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/project/search", "get", "200")));

        var result = await client.SearchProjectsAsync("exa mple", startAt: 2, maxResults: 2);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var request = jira.Single();
        Assert.That((request.Param("query"), request.Param("startAt"), request.Param("maxResults")), Is.EqualTo(("exa mple", "2", "2")));
        Assert.That(result.Value!.IsLast, Is.False);
        Assert.That(result.Value.Total, Is.EqualTo(7));
        Assert.That(result.Value.Values.Select(p => p.Key), Is.EqualTo(new[] { "EX", "ABC" }));
    }

    [Test]
    public async Task GetIssueTypesForProject_SendsTheProjectIdAndReadsHierarchyLevels()
    {
        jira.Given(At("GET", "/rest/api/3/issuetype/project")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issuetype/project", "get", "200")));

        var result = await client.GetIssueTypesForProjectAsync(10000);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Single().Param("projectId"), Is.EqualTo("10000"));
        Assert.That(result.Value!.Select(t => (t.Id, t.Name, t.HierarchyLevel, t.Subtask)), Is.EqualTo(new[] { ("1", "Bug", (int?)0, (bool?)false), ("3", "Task", 0, false) }));
    }

    [Test]
    public async Task GetCreatableIssueTypes_ReadsThePageOfTypes()
    {
        jira.Given(At("GET", "/rest/api/3/issue/createmeta/EX/issuetypes")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", "get", "200")));

        var result = await client.GetCreatableIssueTypesAsync("EX");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.IssueTypes.Select(t => t.Name), Is.EqualTo(new[] { "Bug" }));
        Assert.That((jira.Single().Param("startAt"), jira.Single().Param("maxResults")), Is.EqualTo(("0", "50")));
    }

    [Test]
    public async Task GetCreatableIssueTypes_ListNamedCreateMetaIssueType_IsReadToo()
    {
        jira.Given(At("GET", "/rest/api/3/issue/createmeta/EX/issuetypes")).RespondWith(Json(200,
            """{"startAt":0,"maxResults":50,"total":1,"createMetaIssueType":[{"id":"10001","name":"Task","subtask":false}]}"""));

        var result = await client.GetCreatableIssueTypesAsync("EX");

        Assert.That(result.Value!.IssueTypes.Select(t => t.Name), Is.EqualTo(new[] { "Task" }));
    }
}
