using System.Text.Json.Nodes;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.Tests.Support;
using JiraSim;
using Microsoft.Extensions.DependencyInjection;
using JiraSim.Faults;
using JiraSim.Model;
using JiraSim.Seed;

namespace ConnectAddon.Tests.Jira;

/// <summary>
/// The client's operations against the simulated Jira Cloud over real HTTP: with a private node's credentials, as a
/// Connect app (whose qsh the simulator checks with its own implementation), and through the simulator's faults.
/// </summary>
public class JiraClientAgainstSimulatorTests
{
    private JiraSimulator jira = null!;
    private JiraHarness harness = null!;

    [SetUp]
    public async Task Start()
    {
        jira = await JiraSimulator.StartAsync();
        harness = new JiraHarness();
    }

    [TearDown]
    public async Task Stop()
    {
        harness.Dispose();
        await jira.DisposeAsync();
    }

    private JiraClient AdminOf(string site) => harness.Factory.For(jira.Site(site).BaseUrl, JiraCredentials.ApiToken($"admin@{site[^1]}.example", DefaultSeed.AdminToken));

    private static T Ok<T>(JiraResult<T> result)
    {
        Assert.That(result.IsSuccess, Is.True, result.ToString());
        return result.Value!;
    }

    private static void Ok(JiraResult result) => Assert.That(result.IsSuccess, Is.True, result.ToString());

    private static JsonObject Adf(string text) => JiraSim.Adf.AdfValidator.Paragraph(text);

    [Test]
    public async Task PrivateNodeCredentials_CoverTheWholeIssueLifecycle()
    {
        var client = AdminOf("site-b");
        var project = Ok(await client.GetProjectAsync("GLX"));
        var types = Ok(await client.GetCreatableIssueTypesAsync("GLX"));
        var bug = types.IssueTypes.Single(t => t.Name == "Bug");

        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate(project.Id, bug.Id, "Printer on fire", Adf("Smoke"))));
        Ok(await client.EditIssueAsync(created.Key, new JiraIssueInput { Fields = new JsonObject { ["summary"] = "Printer still on fire" } }));
        var comment = Ok(await client.AddCommentAsync(created.Key, Adf("first")));
        Ok(await client.UpdateCommentAsync(created.Key, comment.Id, Adf("first, edited")));
        Ok(await client.AddCommentAsync(created.Key, Adf("second")));
        Ok(await client.SetIssuePropertyAsync(created.Id, "sync.twin", new JsonObject { ["remote"] = "ACME-1" }));

        var issue = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["summary", "description", "issuetype"], Properties = ["sync.twin"] }));
        var comments = Ok(await client.GetAllCommentsAsync(created.Key));
        var property = Ok(await client.GetIssuePropertyAsync(created.Key, "sync.twin"));

        Assert.That(issue.Summary, Is.EqualTo("Printer still on fire"));
        Assert.That(issue.IssueType!.Name, Is.EqualTo("Bug"));
        Assert.That(JsonNode.DeepEquals(issue.Description, Adf("Smoke")));
        Assert.That(comments.Select(c => c.Body!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>()), Is.EqualTo(new[] { "first, edited", "second" }));
        Assert.That(property.Value!["remote"]!.GetValue<string>(), Is.EqualTo("ACME-1"));

        Ok(await client.DeleteIssueAsync(created.Key));
        var gone = await client.GetIssueAsync(created.Key);
        Assert.That(gone.Error?.Kind, Is.EqualTo(JiraErrorKind.NotFound));
        Assert.That(gone.Error!.ErrorMessages, Is.Not.Empty);
    }

    [Test]
    public async Task Attachments_UploadDownloadAndDelete_KeepTheBytes()
    {
        var client = AdminOf("site-a");
        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", "With a file")));

        await AttachmentRoundTrip.AssertKeepsTheBytesAsync(client, jira.Site("site-a"), created.Key, "trace.bin", 300_000);
    }

    [Test]
    public async Task Search_PagesThroughEveryMatchOnce()
    {
        var client = AdminOf("site-a");
        var keys = new List<string>();
        for (var i = 0; i < 5; i++)
            keys.Add(Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", "Issue " + i))).Key);

        var found = new List<string>();
        string? token = null;
        do
        {
            var page = Ok(await client.SearchAsync(new JiraSearchRequest { Jql = "project = ACME ORDER BY key ASC", Fields = ["summary"], MaxResults = 2, NextPageToken = token }));
            found.AddRange(page.Issues.Select(i => i.Key!));
            token = page.IsLast ? null : page.NextPageToken;
        } while (token is not null);

        Assert.That(found, Is.EqualTo(keys));
    }

    [Test]
    public async Task PermissionCheck_TellsAdminsFromUsers()
    {
        var client = AdminOf("site-a");
        Assert.That(Ok(await client.IsJiraAdministratorAsync("557058:a-admin")), Is.True);
        Assert.That(Ok(await client.IsJiraAdministratorAsync("557058:a-user")), Is.False);
    }

    [Test]
    public async Task PersonalAccessToken_AuthenticatesItsUser()
    {
        var client = harness.Factory.For(jira.Site("site-a").BaseUrl, JiraCredentials.PersonalAccessToken(DefaultSeed.AdminPat));
        Assert.That(Ok(await client.GetMyselfAsync()).AccountId, Is.EqualTo("557058:a-admin"));
    }

    /// <summary>The app installed into site A the Connect way (the simulator knows its secret), and the node's client for it as that tenant.</summary>
    private JiraClient ConnectTenantOnSiteA()
    {
        var site = jira.Site("site-a");
        var secret = ConnectAddon.TestKit.LifecycleBody.NewSharedSecret();
        site.AddUser(new SimUser { AccountId = "557058:app", DisplayName = "Exalate", AccountType = "app" });
        lock (site.Sync)
            site.Apps[AddonHost.AppKey] = new SimApp { Key = AddonHost.AppKey, BaseUrl = new Uri(AddonHost.BaseUrl), SharedSecret = secret, UserAccountId = "557058:app", Descriptor = [] };
        return harness.Factory.For(new Tenant { ClientKey = "client-a", AppKey = AddonHost.AppKey, BaseUrl = site.BaseUrl, SharedSecret = secret });
    }

    [Test]
    public async Task ConnectTenant_IsAcceptedBySimulatedJira_AndWritesAsTheAppUser()
    {
        var client = ConnectTenantOnSiteA();

        var created = Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10002", "Filed by the app")));
        // Several query parameters and a site path prefix: the app's qsh must equal the simulator's own.
        var issue = Ok(await client.GetIssueAsync(created.Key, new JiraIssueQuery { Fields = ["summary", "reporter", "issuetype"], Expand = ["names"], Properties = ["a", "b"] }));

        Assert.That(issue.Fields["reporter"]!["accountType"]!.GetValue<string>(), Is.EqualTo("app"));
        Assert.That(Ok(await client.GetMyselfAsync()).AccountId, Is.EqualTo("557058:app"));
    }

    [Test]
    public async Task ConnectTenant_WhoseQuotaIsSpent_SendsNothingMoreUntilTheReset()
    {
        var site = jira.Site("site-a");
        var client = ConnectTenantOnSiteA();
        jira.State.PlayQuota(points: 9); // three reads of myself: 1 point, and 2 for the user it answers

        var results = new List<JiraResult<JiraUser>>();
        for (var i = 0; i < 8; i++)
            results.Add(await client.GetMyselfAsync());
        var refusedBy = site.Requests["GET /rest/api/3/myself"];

        Assert.That(results.TakeWhile(r => r.IsSuccess).Count(), Is.EqualTo(3), "the quota's worth of calls");
        Assert.That(results.Skip(3).Select(r => r.Error?.Kind), Is.All.EqualTo(JiraErrorKind.RateLimited));
        Assert.That(refusedBy, Is.EqualTo(4), "one refused call tells the node; the rest wait without being sent");
        Assert.That(results[^1].Error!.Message, Does.Contain("Paused by Jira's rate limit until"));
        var left = harness.Services.GetRequiredService<ConnectAddon.Jira.Quota.JiraQuotaPauses>().Remaining(client.Target.SiteKey);
        Assert.That((left?.Remaining, left?.AcrossAllSites), Is.EqualTo(((long?)0, (bool?)true)), "the points left, as Jira's last answers said");
    }

    [Test]
    public async Task SimulatedRateLimit_IsWaitedOutAndTheIssueIsCreatedOnce()
    {
        var client = AdminOf("site-a");
        jira.Faults("site-a").Add(FaultRule.RateLimited("POST /rest/api/3/issue", retryAfterSeconds: 1));

        Ok(await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", "After a 429")));

        Assert.That(jira.Site("site-a").Requests["POST /rest/api/3/issue"], Is.EqualTo(2));
        Assert.That(jira.Site("site-a").Issues, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SimulatedServerErrorOnCreate_IsNotRepeatedBlindly()
    {
        var client = AdminOf("site-a");
        jira.Faults("site-a").Add(FaultRule.ServerError("POST /rest/api/3/issue", 500));

        var result = await client.CreateIssueAsync(JiraIssueInput.ForCreate("10000", "10001", "Maybe created"));

        Assert.That(result.Error?.Kind, Is.EqualTo(JiraErrorKind.OutcomeUnknown));
        Assert.That(jira.Site("site-a").Requests["POST /rest/api/3/issue"], Is.EqualTo(1));
    }

    [Test]
    public async Task SimulatedServerErrorOnRead_IsRetried()
    {
        var client = AdminOf("site-a");
        jira.Faults("site-a").Add(FaultRule.ServerError("GET /rest/api/3/myself", 502));

        Ok(await client.GetMyselfAsync());

        Assert.That(jira.Site("site-a").Requests["GET /rest/api/3/myself"], Is.EqualTo(2));
    }
}
