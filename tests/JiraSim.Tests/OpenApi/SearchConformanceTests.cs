using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>JQL search answers in the shapes of the OpenAPI document ("Issue search": SearchAndReconcileResults).</summary>
public sealed class SearchConformanceTests : SimulatorTest
{
    private const string Search = "/rest/api/3/search/jql";

    [SetUp]
    public void CreateIssues()
    {
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        for (var i = 1; i <= 3; i++)
        {
            var issue = site.CreateIssue(site.Users[0], project, project.IssueTypes[0], $"Issue {i}", null, ["synced"]);
            issue.Properties["sync.twin"] = new JsonObject { ["remote"] = $"GLX-{i}" };
        }
    }

    [Test]
    public async Task PostSearch_IdsOnly_PagedByToken_Conforms()
    {
        using var client = jira.Admin("site-a");
        var first = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("search/jql"),
            new JsonObject { ["jql"] = "project = ACME ORDER BY created", ["maxResults"] = 2 }), "POST", Search, 200);
        Assert.That(first!["isLast"]!.GetValue<bool>(), Is.False);
        var last = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("search/jql"), new JsonObject
        {
            ["jql"] = "project = ACME ORDER BY created", ["maxResults"] = 2, ["nextPageToken"] = first["nextPageToken"]!.GetValue<string>(),
        }), "POST", Search, 200);
        Assert.That(last!["isLast"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task PostSearch_WithFieldsPropertiesAndNames_Conforms()
    {
        using var client = jira.Admin("site-a");
        var page = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("search/jql"), new JsonObject
        {
            ["jql"] = "labels = synced ORDER BY key", ["fields"] = new JsonArray("*all"), ["properties"] = new JsonArray("sync.twin"), ["expand"] = "names",
        }), "POST", Search, 200);
        Assert.That(page!["issues"]!.AsArray(), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task GetSearch_WithFields_Conforms()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("search/jql?jql=project%3DACME&fields=summary,updated&maxResults=1")), "GET", Search, 200);
    }

    [Test]
    public async Task Search_WithInvalidJql_AnswersErrorCollection()
    {
        using var client = jira.Admin("site-a");
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("search/jql"), new JsonObject { ["jql"] = "project = = ACME" }), "POST", Search, 400);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("search/jql?jql=project%20%3D")), "GET", Search, 400);
    }
}
