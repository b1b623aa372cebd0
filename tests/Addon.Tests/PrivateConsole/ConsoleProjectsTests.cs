using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using JiraSim.Seed;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>The console lists the local Jira's projects with the node's own credentials, to pick the one that receives incoming issues.</summary>
public class ConsoleProjectsTests
{
    public static IEnumerable<TestCaseData> Credentials()
    {
        yield return new TestCaseData(new Dictionary<string, string?>()).SetArgDisplayNames("ApiToken");
        yield return new TestCaseData(new Dictionary<string, string?>
        {
            ["PrivateNode:Jira:Email"] = null,
            ["PrivateNode:Jira:ApiToken"] = null,
            ["PrivateNode:Jira:PersonalAccessToken"] = DefaultSeed.AdminPat,
        }).SetArgDisplayNames("PersonalAccessToken");
    }

    [TestCaseSource(nameof(Credentials))]
    public async Task Projects_ComeFromTheLocalJira(Dictionary<string, string?> credentials)
    {
        await using var node = await PrivateNode.StartAsync(credentials);
        using var browser = await node.LoggedInAsync();

        using var response = await browser.GetAsync("/api/console/projects");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var projects = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["projects"]!.AsArray();
        Assert.That(projects.Select(p => (p!["id"]!.GetValue<string>(), p["key"]!.GetValue<string>(), p["name"]!.GetValue<string>())),
            Is.EqualTo(new[] { ("20000", "GLX", "Globex Engineering") }));
    }

    [TestCase("glob", 1)]
    [TestCase("nothing-like-it", 0)]
    public async Task Query_NarrowsTheProjects(string query, int expected)
    {
        await using var node = await PrivateNode.StartAsync();
        using var browser = await node.LoggedInAsync();

        using var response = await browser.GetAsync("/api/console/projects?query=" + Uri.EscapeDataString(query));

        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["projects"]!.AsArray(), Has.Count.EqualTo(expected));
    }

    [Test]
    public async Task JiraRefusingTheCredentials_Answers502WithTheReason_AndNoSecret()
    {
        await using var node = await PrivateNode.StartAsync(new() { ["PrivateNode:Jira:ApiToken"] = "revoked-api-token" });
        using var browser = await node.LoggedInAsync();

        using var response = await browser.GetAsync("/api/console/projects");

        var message = await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadGateway, "credentials");
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("jira_unavailable"));
        Assert.That(message, Does.Not.Contain("revoked-api-token"));
        Assert.That(node.Host.Logs.All, Does.Not.Contain("revoked-api-token"));
    }
}
