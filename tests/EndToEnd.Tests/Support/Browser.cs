using Microsoft.Playwright;

namespace EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (its own browser download is not used: it cannot be fetched
/// here). The flags keep Chromium from reaching for Google's services, which this machine's network refuses.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            Assert.Fail($"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>A new context (its own cookies) whose pages' Content-Security-Policy violations fail the test.</summary>
    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        PolicyViolations.Watch(context);
        return context;
    }
}
