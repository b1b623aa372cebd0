using Microsoft.Playwright;

namespace EndToEnd.Tests.Support;

/// <summary>Screenshots kept with the test's results (the test's work folder, <c>screenshots/</c>), to look at.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string fileName, bool fullPage = true, string? description = null)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, fileName + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = fullPage });
        TestContext.AddTestAttachment(file, description);
    }
}
