using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;
using JiraSim.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Forge;

/// <summary>
/// What Forge itself calls, played by the simulated Jira from manifest.yml: the installed event records the site's
/// installation; Jira events reach /forge/events and mark their issue changed exactly as webhooks do, within Forge's
/// 5 s, once however often Forge redelivers them; the app's own writes are not sent (ignoreSelf).
/// </summary>
public class ForgeTriggerTests
{
    private ForgeHarness forge = null!;

    [SetUp]
    public async Task Start() => forge = await ForgeHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await forge.DisposeAsync();

    private string TenantKey => "forge:" + forge.CloudId;

    private SimIssue CreateIssue(string summary, string accountId = ForgeHarness.UserAccountId)
    {
        var site = forge.SiteA;
        SimUser actor;
        SimProject project;
        lock (site.Sync)
        {
            actor = site.FindUser(accountId)!;
            project = site.FindProject("ACME")!;
        }
        return site.CreateIssue(actor, project, project.IssueTypes[0], summary, null);
    }

    private Task<long> DirtyAsync(string issueId) =>
        forge.Host.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues WHERE client_key = @key AND issue_id = @issueId", new { key = TenantKey, issueId });

    [Test]
    public async Task TheInstalledEvent_RecordsTheSitesInstallation_AndTheNodeLearnsTheSitesAddress()
    {
        Assert.That(forge.Jira.Forge.Log.Single(d => d.Kind == "avi:forge:installed:app").Status, Is.EqualTo(204));
        Assert.That(await forge.Host.ScalarAsync<string>("SELECT forge_installation_id FROM tenants WHERE client_key = @key", new { key = TenantKey }),
            Is.EqualTo(forge.Install.InstallationId));
        // Events do not say the site's address; serverInfo, asked with the app token in the background, does.
        await Eventually.HoldsAsync(async () => await forge.Host.ScalarAsync<string>("SELECT base_url FROM tenants WHERE client_key = @key", new { key = TenantKey })
            == forge.SiteA.BaseUrlText, "the tenant's address is the site's own");
    }

    [Test]
    public async Task AnIssueCreatedOnTheSite_ReachesTheNodeAsAForgeEvent_AndMarksTheIssueChanged()
    {
        var issue = CreateIssue("Forge: a new issue");

        await forge.Jira.Forge.WhenIdleAsync(TimeSpan.FromSeconds(30));

        var delivery = forge.Jira.Forge.Log.Single(d => d.Kind == "avi:jira:created:issue");
        Assert.That(delivery.Status, Is.EqualTo(204));
        Assert.That(delivery.Url.AbsolutePath, Is.EqualTo("/forge/events"));
        Assert.That(await DirtyAsync(issue.Id), Is.EqualTo(1));
    }

    [Test]
    public async Task AnEventForgeRedelivers_IsRecordedOnce()
    {
        var issue = CreateIssue("Forge: redelivered");
        await forge.Jira.Forge.WhenIdleAsync(TimeSpan.FromSeconds(30));
        var body = JsonNode.Parse(forge.Jira.Forge.Log.Single(d => d.Kind == "avi:jira:created:issue").Body)!.AsObject();
        var seq = await forge.Host.ScalarAsync<long>("SELECT change_seq FROM dirty_issues WHERE issue_id = @id", new { id = issue.Id });

        // As Forge sends it again after a failure: the same event, with retryContext.
        body["retryContext"] = new JsonObject { ["retryCount"] = 1, ["retryReason"] = "TIMEOUT_ERROR", ["retryData"] = null };
        using var again = await forge.SendAsync(HttpMethod.Post, "/forge/events", body.ToJsonString(),
            forge.Jira.Forge.Token(forge.Install, "core:trigger", "issue-changes"), forge.Install.AppToken);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await forge.Host.ScalarAsync<long>("SELECT change_seq FROM dirty_issues WHERE issue_id = @id", new { id = issue.Id }), Is.EqualTo(seq),
            "the redelivery changed nothing");
    }

    [Test]
    public async Task TheAppsOwnWrites_AreNotSentToIt()
    {
        CreateIssue("Forge: written by the app itself", forge.Install.AppUser.AccountId);
        await forge.Jira.Forge.WhenIdleAsync(TimeSpan.FromSeconds(30));
        Assert.That(forge.Jira.Forge.Log.Where(d => d.Kind == "avi:jira:created:issue"), Is.Empty);
    }

    [TestCase("""{"eventType":"avi:jira:assigned:issue","issue":{"id":"10000"}}""", HttpStatusCode.NoContent, TestName = "An event the sync does not use is 204 and records nothing")]
    [TestCase("""{"issue":{"id":"10000"}}""", HttpStatusCode.BadRequest, TestName = "An event without eventType is 400")]
    [TestCase("""{"eventType":"avi:jira:updated:issue","issue":{"id":"../x"}}""", HttpStatusCode.BadRequest, TestName = "An event whose issue id is no id is 400")]
    [TestCase("""{"eventType":"avi:jira:updated:issue"}""", HttpStatusCode.BadRequest, TestName = "An issue event without its issue is 400")]
    [TestCase("""{"payload":{"eventType":"avi:jira:updated:issue","issue":{"id":"10123","key":"ACME-9"}}}""", HttpStatusCode.NoContent, TestName = "An event wrapped in payload is read")]
    public async Task EventBodies_AreReadAsForgeSendsThem_OrRefusedWithTheReason(string body, HttpStatusCode status)
    {
        using var response = await forge.SendAsync(HttpMethod.Post, "/forge/events", body, forge.Jira.Forge.Token(forge.Install, "core:trigger", "issue-changes"));

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        var expected = body.Contains("10123") ? 1 : 0;
        Assert.That(await forge.Host.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.EqualTo(expected));
    }

    [Test]
    public async Task AnEventAfterTheAppWasUninstalled_IsAnsweredButNotRecorded()
    {
        var token = forge.Jira.Forge.Token(forge.Install, "core:trigger", "issue-changes");
        await forge.Jira.Forge.UninstallAsync(forge.Install);
        Assert.That(await forge.Host.ScalarAsync<long?>("SELECT forge_uninstalled_at_ms FROM tenants WHERE client_key = @key", new { key = TenantKey }), Is.Not.Null,
            "preUninstall told the node");

        using var late = await forge.SendAsync(HttpMethod.Post, "/forge/events", """{"eventType":"avi:jira:updated:issue","issue":{"id":"10999"}}""", token);

        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await DirtyAsync("10999"), Is.Zero);
    }

    [Test]
    public async Task TheScheduledCall_BringsANewAppToken_WhichTheNodeKeepsEncrypted()
    {
        forge.Install.RotateToken();
        var delivery = await forge.Jira.Forge.RunScheduledAsync(forge.Install);

        Assert.That(delivery!.Status, Is.EqualTo(204));
        var stored = await forge.Host.ScalarAsync<string>("SELECT forge_token FROM tenants WHERE client_key = @key", new { key = TenantKey });
        Assert.That(stored, Does.Not.Contain(forge.Install.AppToken), "encrypted at rest");
        var tenant = await forge.Host.Services.GetRequiredService<ConnectAddon.Connect.Tenants.TenantStore>().FindAsync(TenantKey);
        Assert.That(tenant!.Forge!.AppToken, Is.EqualTo(forge.Install.AppToken));
        Assert.That(forge.Host.Logs.All, Does.Not.Contain(forge.Install.AppToken), "never logged");
    }
}
