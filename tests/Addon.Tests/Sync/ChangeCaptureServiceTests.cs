using ConnectAddon.Connections;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using JiraSim;
using JiraSim.Faults;

namespace ConnectAddon.Tests.Sync;

/// <summary>The capture loop of a running private node: it polls by itself, rides out a failing Jira and recovers.</summary>
public class ChangeCaptureServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PrivateNode_JiraSearchFailingThenBack_BacksOffRecoversAndCapturesForActiveAndDeactivatedConnectionsOnly()
    {
        await using var jira = await JiraSimulator.StartAsync();
        var settings = PrivateNode.Settings(jira.Site(CaptureHarness.Site).BaseUrl);
        settings["PrivateNode:PollInterval"] = "00:00:00.100";
        settings["PrivateNode:MaxPollBackoff"] = "00:00:00.400";
        settings["Jira:Resilience:MaxAttempts"] = "1"; // each armed failure fails one poll, not one retry within it
        settings["Logging:LogLevel:Default"] = "Information";
        using var host = new AddonHost(settings);
        _ = host.Services; // starts the node and its capture loop
        jira.Faults(CaptureHarness.Site).Add(FaultRule.ServerError("POST /rest/api/3/search/jql", 500, times: 3));

        var now = DateTimeOffset.UtcNow;
        var active = Private(now, ConnectionStatus.Active);
        var deactivated = Private(now, ConnectionStatus.Deactivated);
        var deleted = Private(now, ConnectionStatus.Active);
        await CaptureHarness.InsertConnectionAsync(host.Database, active);
        await CaptureHarness.InsertConnectionAsync(host.Database, deactivated);
        await CaptureHarness.InsertConnectionAsync(host.Database, deleted, deletedAt: now);
        var site = jira.Site(CaptureHarness.Site);
        var admin = site.Users.First(u => u.AccountId == "557058:b-admin");
        var project = site.FindProject(CaptureHarness.Project)!;
        var issue = site.CreateIssue(admin, project, project.IssueTypes[0], "Filed while Jira's search fails", null);

        await Eventually.HoldsAsync(async () =>
            (await CaptureHarness.DirtyAsync(host.Database, active.Id)).ContainsKey(issue.Id)
            && (await CaptureHarness.DirtyAsync(host.Database, deactivated.Id)).ContainsKey(issue.Id),
            "the change is captured for the active and the deactivated connection", Patience);

        Assert.That(await CaptureHarness.DirtyAsync(host.Database, deleted.Id), Is.Empty);
        Assert.That(site.Requests["POST /rest/api/3/search/jql"], Is.GreaterThanOrEqualTo(5), "three failed polls, then one per live connection");
        Assert.That(host.Logs.All, Does.Contain("failed (1 in a row)").And.Contain("recovered after"));
    }

    private static Connection Private(DateTimeOffset now, string status) => new()
    {
        Id = ConnectionId.New(),
        Side = ConnectionSide.Private,
        Name = "Acme ⇄ Globex (" + status + ")",
        Status = status,
        LocalProject = new ConnectionProject("20000", CaptureHarness.Project, "Globex Engineering"),
        CreatedAt = now,
        UpdatedAt = now,
        ActivatedAt = now,
    };
}
