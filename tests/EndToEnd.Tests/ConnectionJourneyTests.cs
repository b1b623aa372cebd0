using Microsoft.Playwright;
using EndToEnd.Tests.Support;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The founding journey in a real browser: a Jira admin initiates a private connection in Basic mode inside Jira's
/// iframe and copies the invitation code; the partner's admin accepts it in the private node's console; both sides
/// show the connection Active with the other side's name. Once with site A on the Forge app (its page's calls through
/// Forge's bridge, invokeRemote) and once on the Connect app (AP.context tokens), as a site that already runs it; and
/// with the partner's node on Jira Data Center, whose version the Connections page then shows.
/// </summary>
[TestFixture(AppInstall.Forge, PrivateJira.Cloud)]
[TestFixture(AppInstall.Connect, PrivateJira.Cloud)]
[TestFixture(AppInstall.Forge, PrivateJira.DataCenter)]
public class ConnectionJourneyTests(AppInstall install, PrivateJira privateJira) : SandboxTest(install, privateJira)
{
    private string PartnersJira => privateJira == PrivateJira.DataCenter ? "Jira Data Center 9.12.15" : "Jira Cloud";

    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

    /// <summary>
    /// The steps of the journey as Exalate's documentation names them ("Initiate a Private Connection in Script Mode",
    /// docs.exalate.com/docs/initiate-a-private-connection-in-script-mode, Jira Cloud; the Basic mode page has the same
    /// steps): the test id of each control and the words on it. Exalate writes some in title case, so case is not compared.
    /// </summary>
    public static readonly IReadOnlyList<(string TestId, string Words)> DocumentedSteps =
    [
        ("initiate-connection", "Initiate connection"),
        ("no-url", "I don't have a URL"),
        ("wizard-next", "Next"),
        ("initiate-submit", "Initiate"),
        ("copy-code", "Copy invitation code"),
        ("wizard-done", "Done"),
        ("accept-invitation", "Accept invitation"),
    ];

    private readonly HashSet<string> stepsSeen = [];

    /// <summary>The control of a documented step, after checking that its words are the documentation's.</summary>
    private async Task<ILocator> StepAsync(ILocator control, string testId)
    {
        var words = DocumentedSteps.Single(s => s.TestId == testId).Words;
        var shown = (await control.InnerTextAsync()).Trim().Replace('\u2019', '\'');
        Assert.That(shown, Is.EqualTo(words).IgnoreCase, $"the '{testId}' step says what Exalate's documentation says");
        stepsSeen.Add(testId);
        return control;
    }

    [Test]
    public async Task InitiateInJira_AcceptInThePrivateConsole_BothSidesShowActiveWithTheOtherSide()
    {
        // Site A's admin: Apps → Exalate → Connections → Initiate connection → I don't have a URL → Basic → ACME.
        var jiraPage = await NewPageAsync();
        // The page's frame comes from the node (Connect) or from Forge's host, here the simulator (Forge).
        var frameOrigin = (install == AppInstall.Forge ? sandbox.Jira.RootUrl : sandbox.PublicNode.BaseUrl).GetLeftPart(UriPartial.Authority);
        await jiraPage.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = frameOrigin });
        await jiraPage.GotoAsync(sandbox.ConnectionsPage().ToString());
        var app = jiraPage.FrameLocator("#app-frame");
        await (await StepAsync(app.GetByTestId("initiate-connection").First, "initiate-connection")).ClickAsync();
        await (await StepAsync(app.GetByTestId("no-url"), "no-url")).ClickAsync();
        await app.GetByTestId("type-option-basic").ClickAsync();
        await (await StepAsync(app.GetByTestId("wizard-next"), "wizard-next")).ClickAsync();
        await app.GetByTestId("project-search").FillAsync("ACME");
        await app.Locator("[data-testid=project-option][data-project-key=ACME]").ClickAsync();
        await (await StepAsync(app.GetByTestId("initiate-submit"), "initiate-submit")).ClickAsync();
        var code = await app.GetByTestId("invitation-code").InputValueAsync();
        await (await StepAsync(app.GetByTestId("copy-code"), "copy-code")).ClickAsync();
        await Assertions.Expect(app.GetByTestId("copy-status")).ToContainTextAsync("Copied", new() { Timeout = 30_000 });
        await (await StepAsync(app.GetByTestId("wizard-done"), "wizard-done")).ClickAsync();

        Assert.That(code, Does.StartWith("EXI1."));
        var pendingRow = app.GetByTestId("connection-row");
        await Assertions.Expect(pendingRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Pending", Patiently);
        await Assertions.Expect(pendingRow.GetByTestId("other-side")).ToContainTextAsync("unknown", new() { Timeout = 30_000 });
        // Which invitation is which: when it was issued, and its code again while it is valid.
        await Assertions.Expect(pendingRow.GetByTestId("invitation-note")).ToContainTextAsync("Issued");
        await Assertions.Expect(pendingRow.GetByTestId("invitation-note")).ToContainTextAsync("valid until");
        await Assertions.Expect(pendingRow.Locator(".cell-name")).ToContainTextAsync("ACME to private node · ");
        await ScreenshotAsync(jiraPage, "pending-invitation");
        await (await StepAsync(pendingRow.GetByTestId("row-copy-code"), "copy-code")).ClickAsync();
        var again = app.GetByTestId("invitation-dialog");
        await Assertions.Expect(again.GetByTestId("invitation-code")).ToHaveValueAsync(code);
        await again.GetByTestId("dialog-done").ClickAsync();

        // Site B's side: the private node's console → log in → Accept invitation → paste → GLX → Accept.
        var consolePage = await NewPageAsync();
        await consolePage.GotoAsync(sandbox.ConsolePage.ToString());
        await consolePage.GetByTestId("login-username").FillAsync(SandboxEnvironment.ConsoleUser);
        await consolePage.GetByTestId("login-password").FillAsync(sandbox.ConsolePassword);
        await consolePage.GetByTestId("login-submit").ClickAsync();
        // The console says which Jira the node found behind its URL (it was told only the URL and a token).
        await Assertions.Expect(consolePage.GetByTestId("local-jira-product")).ToHaveTextAsync(PartnersJira, Patiently);
        await Assertions.Expect(consolePage.GetByTestId("sync-rules")).ToContainTextAsync(
            privateJira == PrivateJira.DataCenter ? "as always on Jira Data Center" : "when this node’s Jira user may read it");
        await (await StepAsync(consolePage.GetByTestId("accept-invitation").First, "accept-invitation")).ClickAsync();
        await consolePage.GetByTestId("accept-code").FillAsync(code);
        await Assertions.Expect(consolePage.GetByTestId("accept-code-status")).ToHaveAttributeAsync("data-status", "valid", new() { Timeout = 30_000 });
        await consolePage.GetByTestId("accept-project-search").FillAsync("GLX");
        await consolePage.Locator("[data-testid=accept-project-option][data-project-key=GLX]").ClickAsync();
        await consolePage.GetByTestId("accept-submit").ClickAsync();

        var privateRow = consolePage.GetByTestId("connection-row");
        await Assertions.Expect(privateRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Active", Patiently);
        // The partner's Jira site by its own title and address, not the node's host.
        var siteA = sandbox.Jira.Site("site-a").BaseUrl;
        await Assertions.Expect(privateRow.GetByTestId("other-side")).ToContainTextAsync(
            $"Jira (site-a) ({siteA.Authority}{siteA.AbsolutePath.TrimEnd('/')})", new() { Timeout = 30_000 });
        await ScreenshotAsync(consolePage, "console-active");

        // Back in Jira: the same connection is Active, and the other side is the private node by name.
        await jiraPage.ReloadAsync();
        var activeRow = jiraPage.FrameLocator("#app-frame").GetByTestId("connection-row");
        await Assertions.Expect(activeRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Active", Patiently);
        await Assertions.Expect(activeRow.GetByTestId("other-side")).ToContainTextAsync("Globex private node", new() { Timeout = 30_000 });
        // Which Jira the partner runs, as its node said when it accepted.
        await Assertions.Expect(activeRow.GetByTestId("other-side-jira")).ToHaveTextAsync(PartnersJira);
        await Assertions.Expect(jiraPage.FrameLocator("#app-frame").GetByTestId("sync-rules")).ToContainTextAsync("becomes Task in this Jira");
        // The product version, not the build: the build id is in the tooltip.
        var version = activeRow.GetByTestId("other-side-version");
        Assert.That(await version.InnerTextAsync(), Does.Not.Contain("+"), "the other side's version shows without its build id");
        Assert.That(await version.GetAttributeAsync("title") ?? "", Does.StartWith("Build "));
        // Right after activation the private node has polled, or the page says it is waiting for it: never "never".
        Assert.That(await activeRow.GetByTestId("last-poll").InnerTextAsync(), Does.Not.Contain("never"));
        Assert.That(stepsSeen, Is.SupersetOf(DocumentedSteps.Select(s => s.TestId)), "every documented step was walked and checked");
        await ScreenshotAsync(jiraPage, "jira-active");
    }

    [Test]
    public async Task NonAdminUser_IsRefusedByTheServer_WithAClearMessage()
    {
        var page = await NewPageAsync();
        var answers = new List<Task<int>>();
        page.Response += (_, response) =>
        {
            // Connect: the frame calls the node; Forge: the frame calls Forge's bridge, whose answer carries the node's status.
            if (install == AppInstall.Connect && response.Url.Contains("/api/admin/", StringComparison.Ordinal))
                lock (answers) answers.Add(Task.FromResult(response.Status));
            else if (install == AppInstall.Forge && response.Url.Contains("/_forge/invoke", StringComparison.Ordinal))
                lock (answers) answers.Add(BridgedStatusAsync(response));
        };
        await page.GotoAsync(sandbox.ConnectionsPage("557058:a-user").ToString());

        var refusal = page.FrameLocator("#app-frame").GetByTestId("not-admin");
        await Assertions.Expect(refusal).ToContainTextAsync("Only Jira administrators can manage connections", new() { Timeout = 30_000 });
        var text = await refusal.InnerTextAsync();
        Assert.That(text.Split("administrators").Length - 1, Is.EqualTo(1), $"the refusal is said once: {text}");
        Assert.That(text, Does.Contain("Ask a Jira administrator of this site"), "and says who can help");
        await ScreenshotAsync(page, "not-admin");
        Task<int>[] seen;
        lock (answers)
            seen = [.. answers];
        var statuses = await Task.WhenAll(seen);
        Assert.That(statuses, Does.Contain(403), "the refusal comes from the server, not from a hidden button");
    }

    /// <summary>The whole page, kept with the test's results (screenshots/journey-{install}-{name}.png).</summary>
    private Task ScreenshotAsync(IPage page, string name) =>
        Screenshots.SaveAsync(page, $"journey-{install.ToString().ToLowerInvariant()}-{name}");

    private static async Task<int> BridgedStatusAsync(IResponse response) =>
        (await response.JsonAsync())?.GetProperty("payload").GetProperty("status").GetInt32() ?? 0;
}
