using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.OpenApi;

/// <summary><c>/myself</c> and the permission check answer in the shapes of the OpenAPI document ("Myself", "Permissions").</summary>
public sealed class AccountConformanceTests : SimulatorTest
{
    [Test]
    public async Task Myself_Conforms()
    {
        using var client = jira.User("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("myself")), "GET", "/rest/api/3/myself", 200);
    }

    [Test]
    public async Task Myself_Unauthenticated_AnswersErrorCollection()
    {
        using var client = jira.Anonymous("site-a");
        await Conformance.CheckAsync(client.GetAsync(SimClients.V3("myself")), "GET", "/rest/api/3/myself", 401);
    }

    [TestCase("admin", new[] { "ADMINISTER" })]
    [TestCase("user", new[] { "ADMINISTER", "USER_PICKER" })]
    public async Task CheckPermissions_Conforms(string who, string[] permissions)
    {
        using var client = who == "admin" ? jira.Admin("site-a") : jira.User("site-a");
        var body = new JsonObject { ["globalPermissions"] = new JsonArray(permissions.Select(p => (JsonNode)p).ToArray()) };
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 200);
    }

    [Test]
    public async Task CheckPermissions_OfAnotherUserAsAPerson_Answers403()
    {
        using var client = jira.User("site-a");
        var body = new JsonObject { ["accountId"] = "557058:a-admin", ["globalPermissions"] = new JsonArray("ADMINISTER") };
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 403);
    }

    [TestCase("admin")]
    [TestCase("user")]
    [TestCase("viewer")]
    public async Task CheckProjectPermissions_OnIssuesAndProjects_Conforms(string who)
    {
        var site = jira.Site("site-a");
        var issue = site.CreateIssue(site.FindUser("557058:a-user")!, site.FindProject("ACME")!, site.FindProject("ACME")!.IssueTypes[0], "Checked", null);
        using var client = jira.Admin("site-a");
        var body = new JsonObject
        {
            ["accountId"] = $"557058:a-{who}",
            ["globalPermissions"] = new JsonArray("ADMINISTER"),
            ["projectPermissions"] = new JsonArray(new JsonObject
            {
                ["permissions"] = new JsonArray("BROWSE_PROJECTS", "EDIT_ISSUES"),
                ["issues"] = new JsonArray(long.Parse(issue.Id), 999_999),
                ["projects"] = new JsonArray(10000),
            }),
        };

        var answer = await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 200);

        Assert.That(answer!["projectPermissions"]!.AsArray().Select(g => (string?)g!["permission"]), Is.EqualTo(new[] { "BROWSE_PROJECTS", "EDIT_ISSUES" }));
    }

    [Test]
    public async Task CheckProjectPermissions_UnrecognizedPermission_Answers400()
    {
        using var client = jira.Admin("site-a");
        var body = new JsonObject { ["projectPermissions"] = new JsonArray(new JsonObject { ["permissions"] = new JsonArray("PERMISSION_123"), ["projects"] = new JsonArray(10000) }) };
        await Conformance.CheckAsync(client.PostAsJsonAsync(SimClients.V3("permissions/check"), body), "POST", "/rest/api/3/permissions/check", 400);
    }
}
