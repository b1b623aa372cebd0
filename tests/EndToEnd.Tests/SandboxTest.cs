using EndToEnd.Tests.Support;
using Microsoft.Playwright;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// One sandbox (simulated Jira, public node, private node) and one browser for the tests of a fixture; site A installed
/// the app as the Forge app, and the private node on Jira Cloud, unless the fixture says otherwise.
/// </summary>
public abstract class SandboxTest(AppInstall install = AppInstall.Forge, PrivateJira privateJira = PrivateJira.Cloud)
{
    protected readonly AppInstall install = install;
    protected readonly PrivateJira privateJira = privateJira;
    protected SandboxEnvironment sandbox = null!;
    protected IBrowser browser = null!;
    private IPlaywright playwright = null!;

    [OneTimeSetUp]
    public async Task StartSandbox()
    {
        sandbox = await SandboxEnvironment.StartAsync(install: install, privateJira: privateJira);
        (playwright, browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopSandbox()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await sandbox.DisposeAsync();
    }

    /// <summary>A fresh browser context (its own cookies) and page; failures leave a screenshot in the test output.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }
}
