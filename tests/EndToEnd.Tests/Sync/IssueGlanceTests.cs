using System.Text.RegularExpressions;
using EndToEnd.Tests.Support;
using EndToEnd.Tests.Transport;
using Microsoft.Playwright;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// The issue view's entry point in a real browser (DESIGN §4, §7 "the Exalate action on an issue"): site A's people
/// open the app's glance on an issue in the simulated Jira's issue view, see its sync status, and (if they may edit
/// the issue) bring it under sync or stop it; the twin really appears on site B. Real processes (<see cref="SyncPair"/>).
/// Once as the Forge app's issue panel (Custom UI, the issue from Forge's context, calls through invokeRemote) and
/// once as the Connect app's glance.
/// </summary>
[TestFixture(AppInstall.Forge)]
[TestFixture(AppInstall.Connect)]
[NonParallelizable]
public sealed class IssueGlanceTests(AppInstall install)
{
    private const string PlainUser = "557058:a-user";
    private const string Viewer = "557058:a-viewer";
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 60_000 };

    private SyncPair pair = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        pair = await SyncPair.StartAsync(install: install);
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await pair.DisposeAsync();
    }

    [Test]
    public async Task PlainUser_ExalatesANewIssueFromTheGlance_AndSeesItSynced_WithTheTwinOnSiteBAsALink()
    {
        var issue = pair.CreateOnA("Glance: label printer jammed");
        var panel = await OpenGlanceAsync(PlainUser, issue.Key);
        var row = panel.GetByTestId("sync-connection");
        await Assertions.Expect(row.GetByTestId("sync-state")).ToHaveTextAsync("Not synced", Patiently);
        await Assertions.Expect(row.GetByTestId("other-side")).ToContainTextAsync("Globex private node");
        await ScreenshotAsync(panel, "not-synced");

        await panel.GetByTestId("exalate").ClickAsync();

        await Assertions.Expect(row.GetByTestId("sync-state")).ToHaveTextAsync("Synced", Patiently);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Glance: label printer jammed");
        var link = row.GetByTestId("twin-link");
        await Assertions.Expect(link).ToContainTextAsync(twin.Key);
        await Assertions.Expect(link).ToHaveAttributeAsync("target", "_blank");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", new Regex("/browse/" + Regex.Escape(twin.Key) + "$"));
        await Assertions.Expect(panel.GetByTestId("exalate")).ToHaveCountAsync(0);
        await ScreenshotAsync(panel, "synced");
    }

    [Test]
    public async Task ReadOnlyViewer_SeesTheStatus_ButNoExalateButton()
    {
        var issue = pair.CreateOnA("Glance: look, don't touch");
        var panel = await OpenGlanceAsync(Viewer, issue.Key);

        await Assertions.Expect(panel.GetByTestId("sync-connection").GetByTestId("sync-state")).ToHaveTextAsync("Not synced", Patiently);
        await Assertions.Expect(panel.GetByTestId("read-only-note")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByTestId("exalate")).ToHaveCountAsync(0);
        await ScreenshotAsync(panel, "viewer");
    }

    [Test]
    public async Task ReadOnlyViewer_OfASyncedIssue_SeesSynced_ButNoStopSyncing()
    {
        var issue = pair.CreateOnA("Glance: synced, seen by a viewer");
        await pair.ExalateOnPublicAsync(issue.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Glance: synced, seen by a viewer");

        var panel = await OpenGlanceAsync(Viewer, issue.Key);

        var row = panel.GetByTestId("sync-connection");
        await Assertions.Expect(row.GetByTestId("sync-state")).ToHaveTextAsync("Synced", Patiently);
        await Assertions.Expect(row.GetByTestId("twin-link")).ToContainTextAsync(twin.Key);
        await Assertions.Expect(panel.GetByTestId("stop-syncing")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task PlainUser_StopsSyncingAfterAConfirmationSayingBothIssuesStay_AndBothDo()
    {
        var issue = pair.CreateOnA("Glance: stop me");
        await pair.ExalateOnPublicAsync(issue.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Glance: stop me");
        var panel = await OpenGlanceAsync(PlainUser, issue.Key);
        var row = panel.GetByTestId("sync-connection");
        await Assertions.Expect(row.GetByTestId("sync-state")).ToHaveTextAsync("Synced", Patiently);

        await row.GetByTestId("stop-syncing").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("stop-confirmation")).ToContainTextAsync("Both issues stay");
        await ScreenshotAsync(panel, "stop-confirmation");
        await panel.GetByTestId("stop-confirm").ClickAsync();

        await Assertions.Expect(row.GetByTestId("sync-state")).ToHaveTextAsync("Stopped", Patiently);
        await Assertions.Expect(panel.GetByTestId("exalate")).ToBeVisibleAsync();
        await ScreenshotAsync(panel, "stopped");
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteA, "Glance: stop me"), Has.Count.EqualTo(1), "the issue on site A stays");
        Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Glance: stop me").Select(i => i.Key), Is.EqualTo(new[] { twin.Key }), "its twin on site B stays");
    }

    /// <summary>Site A's issue view for <paramref name="issueKey"/> with the app's glance open, signed in as <paramref name="accountId"/>; the panel's frame.</summary>
    private async Task<IFrameLocator> OpenGlanceAsync(string accountId, string issueKey)
    {
        var context = await Browser.NewContextAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PublicNodeApp.PageUrl(pair.Jira, "site-a", install, NodePair.AppKey, "sync-status", accountId, issueKey).ToString());
        return page.FrameLocator("#app-frame");
    }

    /// <summary>The whole host page, kept with the test's results: how the panel looks inside Jira's issue view.</summary>
    private Task ScreenshotAsync(IFrameLocator panel, string name) =>
        Screenshots.SaveAsync(panel.Owner.Page, $"issue-glance-{install.ToString().ToLowerInvariant()}-{name}", fullPage: false);
}
