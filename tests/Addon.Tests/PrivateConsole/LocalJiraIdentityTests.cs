using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using JiraSim.Faults;
using JiraSim.Seed;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// The private node finds out which Jira it has (README, "Private node on Jira Data Center"): it is given a URL and
/// credentials, never a flavour; a Jira it cannot work with is said in one sentence, in the console and the log.
/// </summary>
public class LocalJiraIdentityTests
{
    private static Dictionary<string, string?> DataCenter(string pat) => new()
    {
        ["PrivateNode:Jira:Email"] = null,
        ["PrivateNode:Jira:ApiToken"] = null,
        ["PrivateNode:Jira:PersonalAccessToken"] = pat,
    };

    private static async Task<PrivateNode> StartOnDataCenterAsync(SeedDocument? seed = null, string pat = DefaultSeed.AdminPat,
        FaultRule? fault = null)
    {
        // The site's base URL has a path, as a Data Center behind a context path (https://jira.corp.example/jira). A fault
        // is in place before the node starts: its start-up check asks Jira at once and keeps the answer for minutes.
        return await PrivateNode.StartAsync(DataCenter(pat), seed: seed, jiraSite: DefaultSeed.DataCenterSite,
            beforeStart: fault is null ? null : jira => jira.Faults(DefaultSeed.DataCenterSite).Add(fault));
    }

    private static async Task<JsonNode> JiraLineAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync("/api/console/connections");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["jira"]!;
    }

    private static string[] Lines(PrivateNode node) => node.Host.Logs.All.Split(Environment.NewLine);

    [Test]
    public async Task DataCenterBehindAContextPath_IsRecognised_AndItsProjectsListed()
    {
        await using var node = await StartOnDataCenterAsync();
        using var browser = await node.LoggedInAsync();

        var jira = await JiraLineAsync(browser);
        using var projects = await browser.GetAsync("/api/console/projects?query=glo");

        Assert.That(jira["product"]!.GetValue<string>(), Is.EqualTo("Jira Data Center 9.12.15"));
        Assert.That(jira["url"]!.GetValue<string>(), Does.EndWith("/site-dc"));
        Assert.That(jira["problem"], Is.Null);
        Assert.That(await projects.Content.ReadAsStringAsync(), Does.Contain("\"key\":\"GLX\""));
        Assert.That(Lines(node).Any(l => l.StartsWith("Information") && l.Contains("is Jira Data Center 9.12.15")), Is.True);
    }

    [Test]
    public async Task DataCenterOlderThanSupported_IsRefused_InTheConsoleAndTheLog_AndNothingIsAskedOfIt()
    {
        var seed = DefaultSeed.Create();
        seed = seed with { Sites = [.. seed.Sites.Select(s => s.Key == DefaultSeed.DataCenterSite ? s with { Version = "8.20.30" } : s)] };
        await using var node = await StartOnDataCenterAsync(seed);
        using var browser = await node.LoggedInAsync();

        var jira = await JiraLineAsync(browser);
        using var projects = await browser.GetAsync("/api/console/projects");

        Assert.That(jira["product"], Is.Null);
        Assert.That(jira["problem"]!.GetValue<string>(), Does.Contain("Jira Data Center 8.20.30").And.Contain("supports Jira Data Center 9.12 and later"));
        await ApiErrorAssert.IsRefusal(projects, HttpStatusCode.BadGateway);
        Assert.That(await projects.Content.ReadAsStringAsync(), Does.Contain("9.12 and later"));
        Assert.That(Lines(node).Count(l => l.StartsWith("Error") && l.Contains("8.20.30")), Is.EqualTo(1), "said once, not at every call");
        Assert.That(node.Jira.Site(DefaultSeed.DataCenterSite).Requests.Snapshot().Keys, Is.EquivalentTo(new[] { "GET /rest/api/2/serverInfo" }),
            "an unsupported Jira is asked what it is, and nothing else");
    }

    [Test]
    public async Task JiraBehindALoginPage_IsExplained_NotParsed_AndTheNodeKeepsRunning()
    {
        await using var node = await StartOnDataCenterAsync(fault: FaultRule.LoginPage(null));
        using var browser = await node.LoggedInAsync();

        var jira = await JiraLineAsync(browser);
        using var health = await browser.GetAsync("/healthz");

        Assert.That(jira["problem"]!.GetValue<string>(), Does.Contain("not Jira's REST API").And.Contain("context path"));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the node stays up to say what is wrong");
    }

    [Test]
    public async Task RefusedToken_IsExplained_WithoutTheToken()
    {
        const string wrong = "not-a-valid-pat-SECRET";
        await using var node = await StartOnDataCenterAsync(pat: wrong);
        using var browser = await node.LoggedInAsync();

        var jira = await JiraLineAsync(browser);

        Assert.That(jira["problem"]!.GetValue<string>(), Does.Contain("refused the configured credentials").And.Contain("personal access token"));
        Assert.That(jira.ToJsonString(), Does.Not.Contain(wrong));
        Assert.That(node.Host.Logs.All.Contains(wrong), Is.False, "the token never reaches the log");
    }
}
