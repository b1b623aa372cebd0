using System.Globalization;
using EndToEnd.Tests.Support;
using JiraSim.Faults;
using Microsoft.Playwright;
using NUnit.Framework.Interfaces;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// A connection's sync views in a real browser (issue 6): the synced issues with Exalate and Stop syncing, triggers
/// with "Sync all matching issues" and its progress, the sync queue each way, and errors with Retry; in site A's Jira
/// and in the private node's console, against real nodes and the simulated Jira. One connection for the fixture; each
/// test works on its own issues and leaves the pair settled.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SyncViewsTests
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Patiently = new() { Timeout = 60_000 };
    private const string CreateIssue = "POST /rest/api/3/issue";

    private SyncPair pair = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private IBrowserContext context = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        pair = await SyncPair.StartAsync();
        (playwright, browser) = await Browser.LaunchAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await pair.DisposeAsync();
    }

    [SetUp]
    public async Task NewBrowserContext()
    {
        context = await Browser.NewContextAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
    }

    [TearDown]
    public async Task CloseBrowserContext()
    {
        pair.Jira.Faults("site-b").Clear();
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            foreach (var (page, i) in context.Pages.Select((p, i) => (p, i)))
            {
                var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", $"{TestContext.CurrentContext.Test.MethodName}-failed-{i}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                TestContext.AddTestAttachment(file, "the page when the test failed");
            }
        await context.DisposeAsync();
    }

    [Test]
    public async Task TriggerInJira_InvalidJqlShowsJirasReason_SyncAllBringsEveryMatchingIssueAcrossWithItsTwinKey()
    {
        var first = pair.CreateOnA("Login button misaligned", labels: ["ui"]);
        var second = pair.CreateOnA("Tooltip hides the menu", labels: ["ui"]);
        var unmatched = pair.CreateOnA("Backend timeout", labels: ["api"]);
        await pair.SettledAsync(); // their webhooks are handled: no trigger matched, nothing is synced yet

        var jira = await SyncViewsPage.OpenInJiraAsync(context, pair);
        await jira.ShowTabAsync("triggers");
        await jira.AddTriggerAsync("project = ACME AND labels =");
        await Assertions.Expect(jira.Root.GetByTestId("trigger-jql-error")).ToContainTextAsync("Jira does not accept this JQL: Error in the JQL Query");
        await Assertions.Expect(jira.Root.GetByTestId("trigger-row")).ToHaveCountAsync(0);
        await jira.SnapshotAsync("invalid-jql");

        const string Jql = "project = ACME AND labels = ui";
        await jira.AddTriggerAsync(Jql);
        var trigger = jira.TriggerRow(Jql);
        await Assertions.Expect(trigger.GetByTestId("trigger-bulk-status")).ToHaveAttributeAsync("data-state", "never");
        await Assertions.Expect(trigger.GetByTestId("trigger-active")).ToBeCheckedAsync();
        await Assertions.Expect(jira.Root.GetByTestId("trigger-jql-error")).ToBeEmptyAsync();

        // Exalate's word for it ("Sync all"), as the page's other documented steps (ConnectionJourneyTests.DocumentedSteps).
        await Assertions.Expect(trigger.GetByTestId("trigger-bulk")).ToHaveTextAsync("Sync all");
        await trigger.GetByTestId("trigger-bulk").ClickAsync();
        await jira.Root.GetByTestId("bulk-confirm").ClickAsync();
        await Assertions.Expect(trigger.GetByTestId("trigger-bulk-status")).ToHaveAttributeAsync("data-state", "finished", Patiently);
        await Assertions.Expect(trigger.GetByTestId("trigger-bulk-status")).ToContainTextAsync("2 issues matched");
        await jira.SnapshotAsync("bulk-finished");

        await jira.ShowTabAsync("issues");
        foreach (var source in new[] { first, second })
        {
            var twin = await pair.TwinOnAsync(pair.SiteB, source.Summary);
            var row = jira.IssueRow(source);
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "synced", Patiently);
            await Assertions.Expect(row.GetByTestId("twin-link")).ToHaveTextAsync(twin.Key);
            await Assertions.Expect(row.GetByTestId("twin-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/browse/{twin.Key}$"));
            await Assertions.Expect(row).ToContainTextAsync("Sync all");
        }
        await Assertions.Expect(jira.IssueRow(unmatched)).ToHaveCountAsync(0);
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Backend timeout"), Is.Empty, "an issue the trigger does not match stays unsynced");
        await jira.SnapshotAsync("issues-synced");
        await pair.SettledAsync();
    }

    [Test]
    public async Task ExalateByKeyInJira_ShowsTheTwin_StopSyncingAfterConfirmation_LeavesBothIssuesAndLaterEditsOnTheirSide()
    {
        var source = pair.CreateOnA("Dark mode flickers");
        var jira = await SyncViewsPage.OpenInJiraAsync(context, pair);

        await jira.ExalateAsync("ACME-9999");
        await Assertions.Expect(jira.Root.GetByTestId("exalate-error")).ToContainTextAsync("There is no issue 'ACME-9999'");

        await jira.ExalateAsync(source.Key);
        await Assertions.Expect(jira.Root.GetByTestId("exalate-error")).ToBeEmptyAsync();
        var twin = await pair.TwinOnAsync(pair.SiteB, "Dark mode flickers");
        var row = jira.IssueRow(source);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "synced", Patiently);
        await Assertions.Expect(row.GetByTestId("twin-link")).ToHaveTextAsync(twin.Key);
        await Assertions.Expect(row.GetByTestId("synced-issue-key")).ToHaveTextAsync(source.Key);
        await Assertions.Expect(row).ToContainTextAsync("Exalate action");

        await row.GetByTestId("stop-syncing").ClickAsync();
        var confirm = jira.Root.GetByTestId("confirm-dialog");
        await Assertions.Expect(confirm).ToContainTextAsync("Both issues stay");
        await Assertions.Expect(confirm).ToContainTextAsync("Later edits stay on their own side");
        await jira.SnapshotAsync("stop-confirmation");
        await jira.Root.GetByTestId("stop-syncing-confirm").ClickAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "stopped");
        await Assertions.Expect(row.GetByTestId("resume-syncing")).ToBeVisibleAsync();
        await pair.SettledAsync();
        await jira.Root.GetByTestId("sync-back").ClickAsync();
        await Assertions.Expect(jira.Root.GetByTestId("connection-row").GetByTestId("row-sync")).ToBeVisibleAsync();
        await jira.SnapshotAsync("back-to-the-list");

        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Dark mode flickers, still");
        await pair.SettledAsync();
        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Dark mode flickers"), Has.Count.EqualTo(1), "the twin stays on B, as it was");
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Dark mode flickers, still"), Is.Empty, "the later edit stayed on A");
        });
    }

    [Test]
    public async Task AMessageAboutAnIssuesState_StaysWhileItHolds_GivesWayToTheNextMessage_AndGoesWhenTheRowSaysSynced()
    {
        // Site B refuses to create the twin for now: the issue stays on its way, and so must the message that says so.
        pair.Jira.Faults("site-b").Add(new FaultRule(CreateIssue, Status: 400, Times: 10_000));
        var source = pair.CreateOnA("Message follows the state");
        var jira = await SyncViewsPage.OpenInJiraAsync(context, pair);
        await jira.ShowTabAsync("triggers");
        await jira.AddTriggerAsync("project = ACME AND labels = never-used-here");
        await Assertions.Expect(jira.Root.GetByTestId("success-banner")).ToContainTextAsync("Trigger added");

        await jira.ShowTabAsync("issues");
        await jira.ExalateAsync(source.Key);
        var onItsWay = jira.Root.Locator($"[data-testid=success-banner][data-subject='{source.Key}']");
        await Assertions.Expect(onItsWay).ToContainTextAsync("on its way");
        await Assertions.Expect(jira.Root.GetByTestId("success-banner")).ToHaveCountAsync(1); // "Trigger added" gave way
        var row = jira.IssueRow(source);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "pending", Patiently);
        await jira.RefreshAsync();
        await Assertions.Expect(onItsWay).ToHaveCountAsync(1); // still on its way: still said

        pair.Jira.Faults("site-b").Clear();
        await pair.TwinOnAsync(pair.SiteB, "Message follows the state");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "synced", Patiently);
        // The row and the message are drawn from the same answer: once the row says Synced, the message is gone.
        await Assertions.Expect(onItsWay).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        await jira.SnapshotAsync("message-gone-when-synced");
        await pair.SettledAsync();

        // The other tests of the fixture start without triggers.
        var trigger = (await pair.PublicSyncAsync())["triggers"]!.AsArray().Single(t => (string?)t!["jql"] == "project = ACME AND labels = never-used-here")!;
        using var admin = pair.PublicAdmin();
        using var deleted = await admin.DeleteAsync($"api/admin/connections/{pair.ConnectionId}/triggers/{trigger["id"]}");
        Assert.That(deleted.IsSuccessStatusCode, Is.True, await deleted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ApplyRefusedByJiraB_ShowsInTheConsolesErrors_RetryOnceTheCauseIsGone_ClearsTheErrorAndCreatesTheTwin()
    {
        pair.Jira.Faults("site-b").Add(new FaultRule(CreateIssue, Status: 400, Times: 10_000));
        var source = pair.CreateOnA("Export to CSV fails");
        await pair.ExalateOnPublicAsync(source.Key);

        var console = await SyncViewsPage.OpenInConsoleAsync(context, pair);
        await console.ShowTabAsync("errors");
        var error = console.ApplyingError(source.Key);
        await Assertions.Expect(error.GetByTestId("error-message")).ToContainTextAsync("Injected failure", new() { Timeout = 60_000 });
        await Assertions.Expect(error.GetByTestId("error-direction")).ToHaveTextAsync("Applying");
        await console.SnapshotAsync("error-shown");

        // Retry must be what brings it across: act while the next scheduled try is still a while away.
        await Eventually.HoldsAsync(async () =>
        {
            await console.RefreshAsync();
            var tries = int.Parse(await error.GetAttributeAsync("data-tries") ?? "0", CultureInfo.InvariantCulture);
            return tries >= 3 && NextTry(await error.GetAttributeAsync("data-next-try-at")) - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(4);
        }, "the apply failed three times and its next try is more than 4 s away", explain: pair.Nodes.Output);
        var scheduled = NextTry(await error.GetAttributeAsync("data-next-try-at"));
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Export to CSV fails"), Is.Empty);

        pair.Jira.Faults("site-b").Clear();
        await error.GetByTestId("error-retry").ClickAsync();
        await Assertions.Expect(error).ToHaveCountAsync(0);
        var cleared = DateTimeOffset.UtcNow;
        await Assertions.Expect(console.Root.GetByTestId("errors-empty")).ToContainTextAsync("No errors");
        await pair.TwinOnAsync(pair.SiteB, "Export to CSV fails");
        Assert.That(cleared, Is.LessThan(scheduled), "the error cleared before its next scheduled try: Retry did it");
        await console.SnapshotAsync("error-retried");
        await pair.SettledAsync();
    }

    [Test]
    public async Task SyncQueue_ShowsWhatWaitsEachWay_AndReachesZeroOnBothSidesWhenSettled()
    {
        pair.Jira.Faults("site-b").Add(new FaultRule(CreateIssue, Status: 400, Times: 10_000));
        var source = pair.CreateOnA("Queue watcher");
        await pair.ExalateOnPublicAsync(source.Key);

        var console = await SyncViewsPage.OpenInConsoleAsync(context, pair);
        await console.ShowTabAsync("queue");
        foreach (var figure in new[] { "queue-for-peer", "queue-to-apply", "queue-changed-issues" })
            await Assertions.Expect(console.Figure($"{figure}-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Assertions.Expect(console.Figure("queue-to-apply")).ToHaveAttributeAsync("data-value", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"), Patiently);
        await console.SnapshotAsync("waiting-to-apply");

        pair.Jira.Faults("site-b").Clear();
        await pair.TwinOnAsync(pair.SiteB, "Queue watcher");
        await pair.SettledAsync();
        var jira = await SyncViewsPage.OpenInJiraAsync(context, pair);
        await jira.ShowTabAsync("queue");
        foreach (var side in new[] { console, jira })
            foreach (var figure in new[] { "queue-for-peer", "queue-to-apply", "queue-changed-issues" })
                await Assertions.Expect(side.Figure(figure)).ToHaveAttributeAsync("data-value", "0", Patiently);
        await console.SnapshotAsync("settled-console");
        await jira.SnapshotAsync("settled-jira");
    }

    private static DateTimeOffset NextTry(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
}
