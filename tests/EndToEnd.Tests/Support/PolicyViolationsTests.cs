using Microsoft.Playwright;

namespace EndToEnd.Tests.Support;

/// <summary>The watch that fails a journey whose page breaks its own Content-Security-Policy sees a breach when there is one.</summary>
[NonParallelizable]
public class PolicyViolationsTests
{
    [Test]
    public async Task AnInlineScriptThePolicyRefuses_IsReported()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        try
        {
            var context = await Browser.NewContextAsync(browser);
            var page = await context.NewPageAsync();
            await page.RouteAsync("http://policy.test/", route => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html",
                Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "script-src 'self'" },
                Body = "<!DOCTYPE html><title>Policy</title><script>document.title = 'ran';</script>",
            }));

            await page.GotoAsync("http://policy.test/");

            await Eventually.HoldsAsync(() => Task.FromResult(PolicyViolations.Any(v => v.Contains("script-src", StringComparison.Ordinal))), "the breach is reported");
            Assert.That(await page.TitleAsync(), Is.EqualTo("Policy"), "the refused script did not run");
            PolicyViolations.TakeAll(); // provoked on purpose
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
