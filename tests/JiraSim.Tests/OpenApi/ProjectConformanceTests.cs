using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary>Projects and issue types answer in the shapes of the OpenAPI document ("Projects", "Issue types", "Issue type schemes").</summary>
public sealed class ProjectConformanceTests : SimulatorTest
{
    [TestCase("site-a", "ACME")]
    [TestCase("site-b", "GLX")]
    public async Task GetProject_Conforms(string site, string key)
    {
        using var client = jira.Admin(site);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"project/{key}")), "GET", "/rest/api/3/project/{projectIdOrKey}", 200);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("project/NOPE")), "GET", "/rest/api/3/project/{projectIdOrKey}", 404);
    }

    [Test]
    public async Task SearchProjects_FirstAndLastPage_Conform()
    {
        using var client = jira.Admin("site-a");
        var page = await Conformance.CheckAsync(client.GetAsync(SimClients.V3("project/search?maxResults=1")), "GET", "/rest/api/3/project/search", 200);
        Assert.That(page!["isLast"]!.GetValue<bool>(), Is.True);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("project/search?startAt=1")), "GET", "/rest/api/3/project/search", 200);
    }

    [Test]
    public async Task SearchProjects_WithAnotherPage_Conforms()
    {
        var site = jira.Site("site-a");
        lock (site.Sync)
            site.Projects.Add(site.Projects[0] with { Id = "10100", Key = "ZED", Name = "Zed" });
        using var client = jira.Admin("site-a");
        var page = await Conformance.CheckAsync(client.GetAsync(SimClients.V3("project/search?maxResults=1")), "GET", "/rest/api/3/project/search", 200);
        Assert.That(page!["isLast"]!.GetValue<bool>(), Is.False);
    }

    [TestCase("site-a", "10000")]
    [TestCase("site-b", "20000")]
    public async Task IssueTypesOfProject_Conform(string site, string projectId)
    {
        using var client = jira.Admin(site);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issuetype/project?projectId={projectId}")), "GET", "/rest/api/3/issuetype/project", 200);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("issuetype/project?projectId=99")), "GET", "/rest/api/3/issuetype/project", 404);
    }

    [TestCase("site-a", "ACME")]
    [TestCase("site-b", "GLX")]
    public async Task CreateMetadataIssueTypes_Conform(string site, string key)
    {
        using var client = jira.Admin(site);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issue/createmeta/{key}/issuetypes")), "GET", "/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes", 200);
    }

    // site-b's project has no default issue type: the scheme must then leave defaultIssueTypeId out, not null it.
    [TestCase("site-a", "10000")]
    [TestCase("site-b", "20000")]
    [TestCase("site-a", "99")]
    public async Task IssueTypeSchemeOfProject_Conforms(string site, string projectId)
    {
        using var client = jira.Admin(site);
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3($"issuetypescheme/project?projectId={projectId}")), "GET", "/rest/api/3/issuetypescheme/project", 200);
    }

    [Test]
    public async Task IssueTypeSchemeOfProject_ForANonAdmin_Answers403()
    {
        using var client = jira.User("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("issuetypescheme/project?projectId=10000")), "GET", "/rest/api/3/issuetypescheme/project", 403);
    }
}
