using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using JiraSim.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Sync.IssueView;

/// <summary>
/// The API behind the issue glance (Sync/README.md "Issue view"): anyone who can see an issue sees its sync state in
/// each connection; only people who may edit it bring it under sync or stop it. Jira is asked on every call.
/// </summary>
public class IssueSyncApiTests
{
    private IssueViewHarness view = null!;

    [SetUp]
    public async Task Start() => view = await IssueViewHarness.StartAsync();

    [TearDown]
    public async Task Stop() => await view.DisposeAsync();

    [Test]
    public async Task Status_OfAFreshIssue_IsNotSyncedInEachConnection_WithTheOtherSide()
    {
        var connection = await view.ActiveConnectionAsync(name: "Acme ⇄ Globex");
        var issue = view.NewIssue("Fresh issue");

        var status = await view.StatusAsync(issue.Id);

        var entry = status["connections"]!.AsArray().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)status["issueId"], Is.EqualTo(issue.Id));
            Assert.That((bool)status["canExalate"]!, Is.True, "the plain user may edit the issue");
            Assert.That((string?)entry["id"], Is.EqualTo(connection));
            Assert.That((string?)entry["name"], Is.EqualTo("Acme ⇄ Globex"));
            Assert.That((string?)entry["status"], Is.EqualTo("active"));
            Assert.That((string?)entry["otherSide"]?["name"], Is.Not.Null.And.Not.Empty);
            Assert.That((string?)entry["state"], Is.EqualTo("not synced"));
            Assert.That(entry["twinKey"], Is.Null);
        });
    }

    [Test]
    public async Task Status_LeavesOutPendingConnections_AndOtherTenantsConnections()
    {
        await view.Node.InitiateAsync(name: "Not accepted yet");
        await view.ActiveConnectionAsync(view.Node.TenantB, name: "Site B's own");
        var issue = view.NewIssue("Lonely issue");

        var status = await view.StatusAsync(issue.Id);

        Assert.That(status["connections"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Exalate_ByAUserWhoMayEdit_Answers202_AndTheIssueIsThenUnderSync()
    {
        var connection = await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Bring me over");

        using var response = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection });

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), text);
        Assert.That((string?)JsonNode.Parse(text)!["issueKey"], Is.EqualTo(issue.Key));
        var state = (string?)(await view.InConnectionAsync(issue.Id, connection))["state"];
        Assert.That(state, Is.AnyOf("pending", "synced"));
    }

    [Test]
    public async Task Exalate_ByAReadOnlyUser_Is403NamingEditIssues_AndStoresNothing()
    {
        var connection = await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Look, don't touch");

        using var response = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection }, subject: IssueViewHarness.Viewer);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "EDIT_ISSUES");
        Assert.That(await view.TwinsAsync(), Is.Zero, "no twin row");
        Assert.That((string?)(await view.InConnectionAsync(issue.Id, connection))["state"], Is.EqualTo("not synced"));
    }

    [Test]
    public async Task Status_ForAReadOnlyUser_IsShown_WithoutTheExalateAction()
    {
        await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Read-only glance");

        var status = await view.StatusAsync(issue.Id, IssueViewHarness.Viewer);

        Assert.That((bool)status["canExalate"]!, Is.False);
        Assert.That(status["connections"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task StopSyncing_ByAnEditor_StopsIt_AndByAReadOnlyUser_Is403()
    {
        var connection = await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Synced, then stopped");
        using (var exalated = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection }))
            Assert.That(exalated.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        using (var refused = await view.CallAsync(HttpMethod.Delete, $"/api/issues/{issue.Id}/exalate/{connection}", subject: IssueViewHarness.Viewer))
            await ApiErrorAssert.IsRefusal(refused, HttpStatusCode.Forbidden, "EDIT_ISSUES");
        Assert.That((string?)(await view.InConnectionAsync(issue.Id, connection))["state"], Is.Not.EqualTo("stopped"));

        using var stopped = await view.CallAsync(HttpMethod.Delete, $"/api/issues/{issue.Id}/exalate/{connection}");
        Assert.That(stopped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await stopped.Content.ReadAsStringAsync());
        var entry = await view.InConnectionAsync(issue.Id, connection);
        Assert.That((string?)entry["state"], Is.EqualTo("stopped"));
        Assert.That((string?)entry["stoppedReason"], Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Status_WithAnOpenError_ShowsError_WithItsMessageAndWhen()
    {
        var connection = await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Fails to send");
        using (var exalated = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection }))
            Assert.That(exalated.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var errors = view.Node.App.Services.GetRequiredService<SyncErrorStore>();
        await errors.RecordAsync(connection, SyncError.Out, issue.Id, issue.Key, null, "The issue has more comment text than one event can carry.", blocking: false, CancellationToken.None);

        var entry = await view.InConnectionAsync(issue.Id, connection);

        Assert.That((string?)entry["state"], Is.EqualTo("error"));
        Assert.That((string?)entry["error"]?["message"], Does.Contain("more comment text"));
        Assert.That(DateTime.Parse((string)entry["error"]!["failedAt"]!, null, System.Globalization.DateTimeStyles.RoundtripKind),
            Is.EqualTo(view.Node.Clock.GetUtcNow().UtcDateTime).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task PageLoadToken_InsteadOfAContextToken_Is401()
    {
        await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Wrong token");
        (string, string)[] query = [("issueId", issue.Id), ("issueKey", issue.Key), ("projectKey", "ACME")];
        var pageLoad = view.A.Site.Token("GET", "/pages/issue-sync", query, subject: view.User, issuedAt: view.Node.Clock.GetUtcNow());
        var checksBefore = view.A.PermissionChecks;

        using var response = await view.Node.SendAsync(HttpMethod.Get, $"/api/issues/{issue.Id}/sync", null, pageLoad);

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized, "qsh");
        Assert.That(view.A.PermissionChecks, Is.EqualTo(checksBefore), "refused before asking Jira");
    }

    [Test]
    public async Task ConnectionOfAnotherTenant_Is404_AndNothingIsStored()
    {
        var theirs = await view.ActiveConnectionAsync(view.Node.TenantB);
        var issue = view.NewIssue("Not yours to sync");

        using var response = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = theirs });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound, "no such connection");
        Assert.That(await view.TwinsAsync(), Is.Zero);
    }

    [Test]
    public async Task PendingConnection_Is409()
    {
        var (pending, _, _) = await view.Node.InitiateAsync();
        var issue = view.NewIssue("Too early");

        using var response = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = pending });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Conflict, "not been accepted");
        Assert.That(await view.TwinsAsync(), Is.Zero);
    }

    [Test]
    public async Task JiraFailingDuringThePermissionCheck_Is503_AndNothingIsStored()
    {
        var connection = await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Jira is down");
        view.Node.Jira.Faults("site-a").Add(FaultRule.ServerError(InstalledTenant.PermissionCheck, 500, times: null));

        using (var status = await view.CallAsync(HttpMethod.Get, $"/api/issues/{issue.Id}/sync"))
            await ApiErrorAssert.IsRefusal(status, HttpStatusCode.ServiceUnavailable, "Jira did not answer");
        using (var exalate = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection }))
            await ApiErrorAssert.IsRefusal(exalate, HttpStatusCode.ServiceUnavailable, "Jira did not answer");

        Assert.That(await view.TwinsAsync(), Is.Zero);
    }

    [Test]
    public async Task IssueTheUserCannotSee_Is403NamingBrowseProjects()
    {
        await view.ActiveConnectionAsync();

        using var response = await view.CallAsync(HttpMethod.Get, "/api/issues/987654/sync");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "BROWSE_PROJECTS");
    }

    [Test]
    public async Task NotAnIssueId_Is400_WithoutAskingJira()
    {
        using var response = await view.CallAsync(HttpMethod.Get, "/api/issues/ACME-1/sync");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "not an issue id");
        Assert.That(view.A.PermissionChecks, Is.Zero);
    }

    [Test]
    public async Task TokenWithoutAUser_Is403_WithoutAskingJira()
    {
        var issue = view.NewIssue("Nobody asks");

        using var response = await view.CallAsync(HttpMethod.Get, $"/api/issues/{issue.Id}/sync", subject: "");

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Forbidden, "names no user");
        Assert.That(view.A.PermissionChecks, Is.Zero);
    }

    [Test]
    public async Task AYes_IsRememberedForAWhile_ANoIsAskedAgainEveryTime()
    {
        var connection = await view.ActiveConnectionAsync();
        var checksBefore = view.A.PermissionChecks;
        var issue = view.NewIssue("Asked how often");

        await view.StatusAsync(issue.Id);
        await view.StatusAsync(issue.Id);
        Assert.That(view.A.PermissionChecks - checksBefore, Is.EqualTo(1), "the editor's yes is remembered");

        for (var i = 0; i < 2; i++)
        {
            using var refused = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connectionId = connection }, subject: IssueViewHarness.Viewer);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }
        Assert.That(view.A.PermissionChecks - checksBefore, Is.EqualTo(3), "the viewer's no is asked again");

        view.Node.Clock.Advance(TimeSpan.FromMinutes(15));
        await view.StatusAsync(issue.Id);
        Assert.That(view.A.PermissionChecks - checksBefore, Is.EqualTo(4), "a remembered yes runs out");
    }

    [Test]
    public async Task MalformedExalateBody_Is400_AndStoresNothing()
    {
        await view.ActiveConnectionAsync();
        var issue = view.NewIssue("Bad body");

        using var response = await view.CallAsync(HttpMethod.Post, $"/api/issues/{issue.Id}/exalate", new { connection = "x" });

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "connectionId");
        Assert.That(await view.TwinsAsync(), Is.Zero);
    }
}
