using EndToEnd.Tests.Support;
using Sandbox;

namespace EndToEnd.Tests;

/// <summary>
/// The pages may be framed only where they belong, as the real browser enforces it: the Connections page by the Jira
/// site that loads it, and neither it by another page nor the console by any page. The other page is served from
/// another port of this host (another origin of the same site, as in the attack found) and frames the real nodes,
/// which serve the page to any request: what keeps it out of the frame is the page's own policy, in Chromium. The
/// Connect app's page is the node's to protect; a Forge app's Custom UI is served, and framed, by Atlassian.
/// </summary>
public class PageFramingTests() : SandboxTest(AppInstall.Connect)
{
    [Test]
    public async Task ConnectionsPage_IsShownInTheJiraSitesFrame_AndRefusedInAFrameOfAnotherOrigin()
    {
        var jira = await NewPageAsync();
        await jira.GotoAsync(sandbox.ConnectionsPage().ToString());
        await Microsoft.Playwright.Assertions.Expect(jira.FrameLocator("#app-frame").Locator("#page-title")).ToHaveTextAsync("Connections");
        // The signed URL Jira framed the page with, replayed by someone else's page.
        var signedUrl = (await jira.Locator("#app-frame").GetAttributeAsync("src"))!;

        await AssertRefusedAsync(signedUrl, "frame-ancestors " + sandbox.Jira.RootUrl.GetLeftPart(UriPartial.Authority));
    }

    [Test]
    public async Task Console_IsRefusedInAFrameOfAnyPage() =>
        await AssertRefusedAsync(sandbox.ConsolePage.ToString(), "frame-ancestors 'none'");

    private async Task AssertRefusedAsync(string framed, string directive)
    {
        await using var elsewhere = FramingPage.Of(framed);
        var page = await NewPageAsync();
        var direct = await page.APIRequest.GetAsync(framed);
        Assert.That(direct.Status, Is.EqualTo(200), "the node serves the page to anyone; only the browser can refuse to show it");

        await page.GotoAsync(elsewhere.Url.ToString());

        await Eventually.HoldsAsync(() => Task.FromResult(PolicyViolations.Any(v => v.Contains(directive, StringComparison.Ordinal))),
            $"Chromium refuses the frame on the page's policy ({directive})");
        var frame = page.Frames.Single(f => f.ParentFrame is not null);
        Assert.That(await frame.Locator("#page-title").CountAsync(), Is.Zero, "nothing of the page is shown in the frame");
        PolicyViolations.TakeAll(); // the refusal this test provoked is the one it expects
    }
}
