using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>
/// The Connections page in Jira's iframe (DESIGN §5): the page load is authenticated, and the HTML tells the
/// page's script its mode and API, loads Atlassian's all.js and the page's own module.
/// </summary>
public partial class ConnectionsPageTests
{
    private const string AllJsUrl = "https://connect-cdn.example.test/all.js";
    private const string HostileName = "Sync </script><script>alert(1)</script> & Co";
    private AddonHost host = null!;
    private JiraSite site = null!;

    [OneTimeSetUp]
    public async Task Install()
    {
        host = new AddonHost(new() { ["Connect:AllJsUrl"] = AllJsUrl, ["Addon:Name"] = HostileName });
        site = await host.InstallAsync();
    }

    [OneTimeTearDown]
    public void Dispose() => host.Dispose();

    private async Task<HttpResponseMessage> LoadPage()
    {
        (string, string)[] query = [("xdm_e", "https://acme.atlassian.net"), ("lic", "none")];
        var token = site.Token("GET", "/pages/connections", query, subject: "557058:admin");
        return await host.CreateClient().GetAsync($"/pages/connections?xdm_e=https%3A%2F%2Facme.atlassian.net&lic=none&jwt={token}");
    }

    [Test]
    public async Task PageLoad_TellsTheScriptItIsInJiraAndWhereTheAdminApiIs()
    {
        using var response = await LoadPage();
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        using var config = PageHtml.Config(html);
        var root = config.RootElement;
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("jira"));
        Assert.That(root.GetProperty("apiBase").GetString(), Is.EqualTo("/api/admin"));
        Assert.That(root.GetProperty("appName").GetString(), Is.EqualTo(HostileName));
        Assert.That(root.GetProperty("site").GetString(), Is.EqualTo("https://acme.atlassian.net"));
        Assert.That(root.TryGetProperty("loginUrl", out _), Is.False, "Jira mode has no login of its own");
    }

    [Test]
    public async Task PageLoad_LoadsAllJsBeforeThePageModule()
    {
        using var response = await LoadPage();
        var html = await response.Content.ReadAsStringAsync();

        var allJs = html.IndexOf($"<script src=\"{AllJsUrl}\"></script>", StringComparison.Ordinal);
        var app = html.IndexOf("<script type=\"module\" src=\"/connections/app.js\"></script>", StringComparison.Ordinal);
        Assert.That(allJs, Is.GreaterThan(0), html);
        Assert.That(app, Is.GreaterThan(allJs), "AP must exist when the module runs");
        Assert.That(html, Does.Contain("<link rel=\"stylesheet\" href=\"/connections/styles.css\">"));
    }

    [Test]
    public async Task AppName_CannotBreakOutOfTheConfigOrTheTitle()
    {
        using var response = await LoadPage();
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Not.Contain("<script>alert(1)"));
        Assert.That(html, Does.Contain("<title>Sync &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co "));
        Assert.That(Regex.Matches(html, "</script>").Count, Is.EqualTo(3), "all.js, the config and app.js: nothing else closes a script");
    }

    [Test]
    public async Task PageLoad_WithoutAToken_IsRefused()
    {
        using var response = await host.CreateClient().GetAsync("/pages/connections");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task PageLoad_IsNotCachedByTheBrowser()
    {
        using var response = await LoadPage();
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }
}
