using System.Net.Http.Json;
using EndToEnd.Tests.Support;
using EndToEnd.Tests.Transport;
using Microsoft.Playwright;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// The issue glance when the site has two connections: Exalate opens a chooser of the connections the issue is not
/// synced in, and the issue is synced in the chosen one only. A fixture of its own, because its second connection
/// would change what every other glance test sees.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IssueGlanceChooserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 60_000 };

    private SyncPair pair = null!;
    private string second = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        pair = await SyncPair.StartAsync();
        // A second connection between the same projects, accepted in the console as the first one was.
        second = await NodePair.AcceptAsync(pair.Console, await pair.Nodes.InitiateAsync());
        using var admin = pair.PublicAdmin();
        using var renamed = await admin.PatchAsJsonAsync($"api/admin/connections/{second}", new { name = "Support escalations" });
        Assert.That(renamed.IsSuccessStatusCode, Is.True, await renamed.Content.ReadAsStringAsync());
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
    public async Task Exalate_WithTwoConnections_OpensAChooser_AndSyncsInTheChosenOneOnly()
    {
        var issue = pair.CreateOnA("Glance: which connection?");
        var page = await (await Browser.NewContextAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        await page.GotoAsync(PublicNodeApp.PageUrl(pair.Jira, "site-a", AppInstall.Forge, NodePair.AppKey, "sync-status", "557058:a-user", issue.Key).ToString());
        var panel = page.FrameLocator("#app-frame");
        var chosen = panel.Locator($"[data-testid=sync-connection][data-connection-id='{second}']");
        var other = panel.Locator($"[data-testid=sync-connection][data-connection-id='{pair.ConnectionId}']");
        await Assertions.Expect(chosen.GetByTestId("sync-state")).ToHaveTextAsync("Not synced", Patiently);
        await Assertions.Expect(other.GetByTestId("sync-state")).ToHaveTextAsync("Not synced", Patiently);

        await panel.GetByTestId("exalate").ClickAsync();
        await Assertions.Expect(panel.GetByTestId("exalate-choice")).ToHaveCountAsync(2);
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", "issue-glance-chooser.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        TestContext.AddTestAttachment(screenshot);
        await panel.Locator($"[data-testid=exalate-choice][data-connection-id='{second}']").ClickAsync();

        await Assertions.Expect(chosen.GetByTestId("sync-state")).ToHaveTextAsync("Synced", Patiently);
        await Assertions.Expect(other.GetByTestId("sync-state")).ToHaveTextAsync("Not synced");
        await Assertions.Expect(panel.GetByTestId("exalate-chooser")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.GetByTestId("exalate")).ToBeVisibleAsync();
        var twin = await pair.TwinOnAsync(pair.SiteB, "Glance: which connection?");
        await Assertions.Expect(chosen.GetByTestId("twin-link")).ToContainTextAsync(twin.Key);
    }

    [Test]
    public async Task Chooser_Cancel_ClosesIt_WithoutSyncingAnything()
    {
        var issue = pair.CreateOnA("Glance: changed my mind");
        var page = await (await Browser.NewContextAsync(browser)).NewPageAsync();
        await page.GotoAsync(PublicNodeApp.PageUrl(pair.Jira, "site-a", AppInstall.Forge, NodePair.AppKey, "sync-status", "557058:a-user", issue.Key).ToString());
        var panel = page.FrameLocator("#app-frame");

        await panel.GetByTestId("exalate").ClickAsync();
        await panel.GetByTestId("chooser-cancel").ClickAsync();

        await Assertions.Expect(panel.GetByTestId("exalate-chooser")).ToHaveCountAsync(0);
        await Assertions.Expect(panel.Locator("[data-testid=sync-state]")).ToHaveTextAsync(["Not synced", "Not synced"]);
        await Assertions.Expect(panel.GetByTestId("exalate")).ToBeFocusedAsync();
    }
}
