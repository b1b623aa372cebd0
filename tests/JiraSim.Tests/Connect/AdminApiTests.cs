using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JiraSim.Faults;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>The admin API under {RootUrl}_admin/, for manual use and the demo.</summary>
public class AdminApiTests : SimulatorTest
{
    private HttpClient admin = null!;

    [SetUp]
    public void AdminClient() => admin = new HttpClient { BaseAddress = new Uri(jira.RootUrl, "_admin/") };

    [TearDown]
    public void DisposeClient() => admin.Dispose();

    [Test]
    public async Task ListSites_ShowsEachSiteWithItsBaseUrlClientKeyAndUsers()
    {
        var sites = (await admin.GetFromJsonAsync<JsonArray>("sites"))!;
        var siteA = sites.Single(s => s!["key"]!.GetValue<string>() == "site-a")!;

        Assert.That(sites.Select(s => s!["key"]!.GetValue<string>()), Is.EqualTo(new[] { "site-a", "site-b", "site-dc" }));
        Assert.That(siteA["baseUrl"]!.GetValue<string>(), Is.EqualTo(jira.Site("site-a").BaseUrlText));
        Assert.That(siteA["clientKey"]!.GetValue<string>(), Is.EqualTo(jira.ClientKey("site-a")));
        Assert.That(siteA["users"]!.AsArray().Select(u => u!["accountId"]!.GetValue<string>()), Does.Contain("557058:a-admin"));
    }

    [Test]
    public async Task CreateUser_TheUserCanUseTheRestApiWithItsToken()
    {
        var (status, _) = await admin.SendJson(HttpMethod.Post, "sites/site-a/users",
            new JsonObject { ["accountId"] = "557058:a-new", ["displayName"] = "Nina New", ["email"] = "nina@a.example", ["apiToken"] = "nina-token" });
        using var nina = new HttpClient { BaseAddress = new Uri(jira.Site("site-a").BaseUrlText + "/") };
        nina.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String("nina@a.example:nina-token"u8.ToArray()));

        var (myself, body) = await nina.SendJson(HttpMethod.Get, SimClients.V3("myself"));

        Assert.That((status, myself), Is.EqualTo((201, 200)));
        Assert.That(body!["displayName"]!.GetValue<string>(), Is.EqualTo("Nina New"));
    }

    [Test]
    public async Task ChangeSummary_EditsTheIssueAsTheGivenUser()
    {
        var key = await jira.Admin("site-a").CreateIssue("ACME", "Task", "Before");

        var (status, _) = await admin.SendJson(HttpMethod.Post, $"sites/site-a/issues/{key}/summary",
            new JsonObject { ["accountId"] = "557058:a-user", ["summary"] = "After" });
        var (_, issue) = await jira.Admin("site-a").SendJson(HttpMethod.Get, SimClients.V3($"issue/{key}"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(issue!["fields"]!["summary"]!.GetValue<string>(), Is.EqualTo("After"));
    }

    [Test]
    public async Task ChangeSummary_UnknownIssueOrUser_AnswersWhatIsWrong()
    {
        var key = await jira.Admin("site-a").CreateIssue("ACME", "Task", "Before");

        var (noIssue, _) = await admin.SendJson(HttpMethod.Post, "sites/site-a/issues/ACME-999/summary", new JsonObject { ["accountId"] = "557058:a-user", ["summary"] = "x" });
        var (noUser, body) = await admin.SendJson(HttpMethod.Post, $"sites/site-a/issues/{key}/summary", new JsonObject { ["accountId"] = "nobody", ["summary"] = "x" });
        var (noSite, _) = await admin.SendJson(HttpMethod.Post, $"sites/site-z/issues/{key}/summary", new JsonObject { ["accountId"] = "557058:a-user", ["summary"] = "x" });

        Assert.That((noIssue, noUser, noSite), Is.EqualTo((404, 400, 404)));
        Assert.That(body!["error"]!.GetValue<string>(), Does.Contain("accountId"));
    }

    [Test]
    public async Task ArmFault_TheNextRequestToThatEndpointFails_AndRequestCountsShowIt()
    {
        var (armed, _) = await admin.SendJson(HttpMethod.Post, "sites/site-a/faults",
            new JsonObject { ["endpoint"] = "GET /rest/api/3/myself", ["status"] = 503, ["times"] = 1 });

        var (first, _) = await jira.Admin("site-a").SendJson(HttpMethod.Get, SimClients.V3("myself"));
        var (second, _) = await jira.Admin("site-a").SendJson(HttpMethod.Get, SimClients.V3("myself"));
        var counts = (await admin.GetFromJsonAsync<JsonObject>("sites/site-a/requests"))!;

        Assert.That((armed, first, second), Is.EqualTo((204, 503, 200)));
        Assert.That(counts["GET /rest/api/3/myself"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task PerIssueWriteLimit_CanBeSwitchedOnAndOff()
    {
        var (on, _) = await admin.SendJson(HttpMethod.Put, "sites/site-a/per-issue-write-limit", new JsonObject { ["enabled"] = true });
        var whileOn = jira.Faults("site-a").PerIssueWriteLimit;
        var (off, _) = await admin.SendJson(HttpMethod.Put, "sites/site-a/per-issue-write-limit", new JsonObject { ["enabled"] = false });

        Assert.That((on, whileOn, off, jira.Faults("site-a").PerIssueWriteLimit), Is.EqualTo((204, true, 204, false)));
    }

    [Test]
    public async Task InstallApp_ByDescriptorUrl_ThenUninstall()
    {
        await using var app = await RecordingApp.StartAsync();

        var (installed, body) = await admin.SendJson(HttpMethod.Post, "sites/site-b/apps", new JsonObject { ["descriptorUrl"] = app.DescriptorUrl.ToString() });
        var appsAfterInstall = jira.Site("site-b").Apps.Keys.ToList();
        var (uninstalled, _) = await admin.SendJson(HttpMethod.Delete, $"sites/site-b/apps/{RecordingApp.Key}");

        Assert.That(installed, Is.EqualTo(200));
        Assert.That(body!["key"]!.GetValue<string>(), Is.EqualTo(RecordingApp.Key));
        Assert.That(body.ToJsonString(), Does.Not.Contain(app.Received("/lifecycle/installed").Single().Json["sharedSecret"]!.GetValue<string>()));
        Assert.That(appsAfterInstall, Is.EqualTo(new[] { RecordingApp.Key }));
        Assert.That(uninstalled, Is.EqualTo(200));
        Assert.That(jira.Site("site-b").Apps, Is.Empty);
    }

    [Test]
    public async Task InstallApp_TheAppRefuses_Answers502WithItsAnswer()
    {
        await using var app = await RecordingApp.StartAsync();
        app.AnswerNext("/lifecycle/installed", 401);

        var (status, body) = await admin.SendJson(HttpMethod.Post, "sites/site-b/apps", new JsonObject { ["descriptorUrl"] = app.DescriptorUrl.ToString() });

        Assert.That(status, Is.EqualTo(502));
        Assert.That(body!["status"]!.GetValue<int>(), Is.EqualTo(401));
    }

    [Test]
    public async Task WebhookLog_ListsDeliveries()
    {
        await using var app = await RecordingApp.StartAsync();
        await jira.InstallAppAsync("site-a", app.DescriptorUrl);
        await jira.Admin("site-a").CreateIssue("ACME", "Task", "Logged");
        await jira.Webhooks.WhenIdleAsync(TimeSpan.FromSeconds(30));

        var log = (await admin.GetFromJsonAsync<JsonArray>("webhooks"))!;

        Assert.That(log.Select(e => (e!["webhookEvent"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())), Does.Contain(("jira:issue_created", "Delivered")));
    }
}
