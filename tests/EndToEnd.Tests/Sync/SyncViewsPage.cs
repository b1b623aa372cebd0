using EndToEnd.Tests.Transport;
using JiraSim.Model;
using Microsoft.Playwright;
using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// The sync views of the pair's connection as an admin sees them: in site A's Jira (the Connections page in Jira's
/// iframe) or in the private node's console. What the tests press and read, by the page's test ids
/// (addon/Connections/README.md "Page test ids").
/// </summary>
public sealed class SyncViewsPage
{
    private const string SiteAAdmin = "557058:a-admin";

    private SyncViewsPage(IPage page, ILocator root)
    {
        Page = page;
        Root = root;
    }

    public IPage Page { get; }

    /// <summary>The app's document (the iframe's body in Jira): dialogs are appended to it too.</summary>
    public ILocator Root { get; }

    public static async Task<SyncViewsPage> OpenInJiraAsync(IBrowserContext browser, SyncPair pair)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(PublicNodeApp.PageUrl(pair.Jira, "site-a", pair.Install, NodePair.AppKey, "connections", SiteAAdmin).ToString());
        return await OpenFromListAsync(page, page.FrameLocator("#app-frame").Locator("body"), pair.ConnectionId);
    }

    public static async Task<SyncViewsPage> OpenInConsoleAsync(IBrowserContext browser, SyncPair pair)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(pair.Nodes.Private.BaseUrl, "console").ToString());
        await page.GetByTestId("login-username").FillAsync(NodePair.ConsoleUser);
        await page.GetByTestId("login-password").FillAsync(pair.Nodes.ConsolePassword);
        await page.GetByTestId("login-submit").ClickAsync();
        return await OpenFromListAsync(page, page.Locator("body"), pair.ConnectionId);
    }

    private static async Task<SyncViewsPage> OpenFromListAsync(IPage page, ILocator root, string connectionId)
    {
        await root.Locator($"[data-testid=connection-row][data-connection-id='{connectionId}']").GetByTestId("row-sync").ClickAsync();
        var views = new SyncViewsPage(page, root);
        await Assertions.Expect(root.GetByTestId("sync-views")).ToHaveAttributeAsync("data-connection-id", connectionId);
        return views;
    }

    public async Task ShowTabAsync(string tab)
    {
        await Root.GetByTestId($"sync-tab-{tab}").ClickAsync();
        await Assertions.Expect(Root.GetByTestId($"sync-tab-{tab}")).ToHaveAttributeAsync("aria-selected", "true");
    }

    public async Task RefreshAsync() => await Root.GetByTestId("sync-refresh").ClickAsync();

    public async Task ExalateAsync(string issueKey)
    {
        await Root.GetByTestId("exalate-issue-key").FillAsync(issueKey);
        await Root.GetByTestId("exalate-submit").ClickAsync();
    }

    /// <summary>The row of one of this side's issues, found by its id (the key shows too when the sync recorded it).</summary>
    public ILocator IssueRow(SimIssue issue) => Root.Locator($"[data-testid=synced-issue-row][data-issue-id='{issue.Id}']");

    public async Task AddTriggerAsync(string jql)
    {
        await Root.GetByTestId("trigger-jql").FillAsync(jql);
        await Root.GetByTestId("trigger-add").ClickAsync();
    }

    public ILocator TriggerRow(string jql) =>
        Root.Locator($"[data-testid=trigger-row]:has([data-testid=trigger-jql-text]:text-is(\"{jql}\"))");

    /// <summary>The error of applying the peer's issue <paramref name="peerIssueKey"/> here.</summary>
    public ILocator ApplyingError(string peerIssueKey) => Root.Locator($"[data-testid=error-row][data-direction=in][data-issue-key='{peerIssueKey}']");

    /// <summary>One of the Sync queue's figures: <c>queue-for-peer</c>, <c>queue-to-apply</c> or <c>queue-changed-issues</c>.</summary>
    public ILocator Figure(string testId) => Root.GetByTestId(testId);

    /// <summary>A screenshot of the whole browser page, attached to the test's results to look at.</summary>
    public Task SnapshotAsync(string name) =>
        Support.Screenshots.SaveAsync(Page, $"{TestContext.CurrentContext.Test.MethodName}-{name}", description: name);
}
