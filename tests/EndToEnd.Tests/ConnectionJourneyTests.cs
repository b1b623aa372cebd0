using Microsoft.Playwright;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The founding journey in a real browser: a Jira admin initiates a private connection in Basic mode inside Jira's
/// iframe and copies the invitation code; the partner's admin accepts it in the private node's console; both sides
/// show the connection Active with the other side's name. Once with site A on the Forge app (its page's calls through
/// Forge's bridge, invokeRemote) and once on the Connect app (AP.context tokens), as a site that already runs it.
/// </summary>
[TestFixture(AppInstall.Forge)]
[TestFixture(AppInstall.Connect)]
public class ConnectionJourneyTests(AppInstall install) : SandboxTest(install)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

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
        await app.GetByTestId("initiate-connection").First.ClickAsync();
        await app.GetByTestId("no-url").ClickAsync();
        await app.GetByTestId("type-option-basic").ClickAsync();
        await app.GetByTestId("wizard-next").ClickAsync();
        await app.GetByTestId("project-search").FillAsync("ACME");
        await app.Locator("[data-testid=project-option][data-project-key=ACME]").ClickAsync();
        await app.GetByTestId("initiate-submit").ClickAsync();
        var code = await app.GetByTestId("invitation-code").InputValueAsync();
        await app.GetByTestId("copy-code").ClickAsync();
        await Assertions.Expect(app.GetByTestId("copy-status")).ToContainTextAsync("Copied", new() { Timeout = 30_000 });
        await app.GetByTestId("wizard-done").ClickAsync();

        Assert.That(code, Does.StartWith("EXI1."));
        var pendingRow = app.GetByTestId("connection-row");
        await Assertions.Expect(pendingRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Pending", Patiently);
        await Assertions.Expect(pendingRow.GetByTestId("other-side")).ToContainTextAsync("unknown", new() { Timeout = 30_000 });

        // Site B's side: the private node's console → log in → Accept invitation → paste → GLX → Accept.
        var consolePage = await NewPageAsync();
        await consolePage.GotoAsync(sandbox.ConsolePage.ToString());
        await consolePage.GetByTestId("login-username").FillAsync(SandboxEnvironment.ConsoleUser);
        await consolePage.GetByTestId("login-password").FillAsync(sandbox.ConsolePassword);
        await consolePage.GetByTestId("login-submit").ClickAsync();
        await consolePage.GetByTestId("accept-invitation").First.ClickAsync();
        await consolePage.GetByTestId("accept-code").FillAsync(code);
        await Assertions.Expect(consolePage.GetByTestId("accept-code-status")).ToHaveAttributeAsync("data-status", "valid", new() { Timeout = 30_000 });
        await consolePage.GetByTestId("accept-project-search").FillAsync("GLX");
        await consolePage.Locator("[data-testid=accept-project-option][data-project-key=GLX]").ClickAsync();
        await consolePage.GetByTestId("accept-submit").ClickAsync();

        var privateRow = consolePage.GetByTestId("connection-row");
        await Assertions.Expect(privateRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Active", Patiently);
        await Assertions.Expect(privateRow.GetByTestId("other-side")).ToContainTextAsync("Exalate", new() { Timeout = 30_000 });

        // Back in Jira: the same connection is Active, and the other side is the private node by name.
        await jiraPage.ReloadAsync();
        var activeRow = jiraPage.FrameLocator("#app-frame").GetByTestId("connection-row");
        await Assertions.Expect(activeRow.GetByTestId("status-lozenge")).ToHaveTextAsync("Active", Patiently);
        await Assertions.Expect(activeRow.GetByTestId("other-side")).ToContainTextAsync("Globex private node", new() { Timeout = 30_000 });
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

        await Assertions.Expect(page.FrameLocator("#app-frame").GetByTestId("not-admin"))
            .ToContainTextAsync("Only Jira administrators can manage connections", new() { Timeout = 30_000 });
        Task<int>[] seen;
        lock (answers)
            seen = [.. answers];
        var statuses = await Task.WhenAll(seen);
        Assert.That(statuses, Does.Contain(403), "the refusal comes from the server, not from a hidden button");
    }

    private static async Task<int> BridgedStatusAsync(IResponse response) =>
        (await response.JsonAsync())?.GetProperty("payload").GetProperty("status").GetInt32() ?? 0;
}
