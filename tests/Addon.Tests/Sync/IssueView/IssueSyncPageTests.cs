using System.Net;
using System.Text.RegularExpressions;
using ConnectAddon.Tests.Connect.Pages;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Sync.IssueView;

/// <summary>
/// The issue glance's panel (<c>/pages/issue-sync</c>, the descriptor's <c>sync-status</c> glance): a page load signed
/// by Jira, which tells the panel's script which issue it shows and where its API is, loads all.js first, and keeps
/// Jira's context values from breaking out of the page.
/// </summary>
public partial class IssueSyncPageTests
{
    private const string AllJsUrl = "https://connect-cdn.example.test/all.js";
    private AddonHost host = null!;
    private JiraSite site = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task Install()
    {
        host = new AddonHost(new() { ["Connect:AllJsUrl"] = AllJsUrl });
        site = await host.InstallAsync();
        client = host.CreateClient();
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        client.Dispose();
        host.Dispose();
    }

    private static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "wwwroot", "issue-sync");

    /// <summary>Loads the panel as Jira does: the glance's URL with the issue's context values, and a page-load JWT.</summary>
    private async Task<HttpResponseMessage> LoadPanel(string issueId = "10042", string issueKey = "ACME-42", string projectKey = "ACME")
    {
        (string, string)[] query = [("issueId", issueId), ("issueKey", issueKey), ("projectKey", projectKey), ("xdm_e", "https://acme.atlassian.net")];
        var token = site.Token("GET", "/pages/issue-sync", query, subject: "557058:user");
        var queryText = string.Join("&", query.Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2)}"));
        return await client.GetAsync($"/pages/issue-sync?{queryText}&jwt={token}");
    }

    [Test]
    public async Task PanelLoad_TellsTheScriptTheIssueAndItsApi()
    {
        using var response = await LoadPanel();
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        using var config = PageHtml.Config(html);
        var root = config.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("jira"));
            Assert.That(root.GetProperty("issueId").GetString(), Is.EqualTo("10042"));
            Assert.That(root.GetProperty("issueKey").GetString(), Is.EqualTo("ACME-42"));
            Assert.That(root.GetProperty("apiBase").GetString(), Is.EqualTo("/api/issues/10042"));
        });
    }

    [Test]
    public async Task PanelLoad_LoadsAllJsBeforeThePanelsModule_AndTheSharedStyles()
    {
        using var response = await LoadPanel();
        var html = await response.Content.ReadAsStringAsync();

        var allJs = html.IndexOf($"<script src=\"{AllJsUrl}\"></script>", StringComparison.Ordinal);
        var app = html.IndexOf("<script type=\"module\" src=\"/issue-sync/app.js\"></script>", StringComparison.Ordinal);
        Assert.That(allJs, Is.GreaterThan(0), html);
        Assert.That(app, Is.GreaterThan(allJs), "AP must exist when the module runs");
        Assert.That(html, Does.Contain("<link rel=\"stylesheet\" href=\"/connections/styles.css\">"));
        Assert.That(html, Does.Contain("<link rel=\"stylesheet\" href=\"/issue-sync/styles.css\">"));
    }

    [Test]
    public async Task PanelLoad_AllowsScriptsOnlyFromThisNodeAndAllJs_AndIsNotCached()
    {
        using var response = await LoadPanel();

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("script-src 'self' https://connect-cdn.example.test;"));
        Assert.That(policy, Does.Contain("connect-src 'self'"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task HostileIssueKey_CannotBreakOutOfTheConfig()
    {
        using var response = await LoadPanel(issueKey: "</script><script>alert(1)</script>");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(html, Does.Not.Contain("<script>alert(1)"));
        Assert.That(Regex.Matches(html, "</script>").Count, Is.EqualTo(3), "all.js, the config and app.js: nothing else closes a script");
    }

    [Test]
    public async Task IssueIdThatIsNoId_GivesTheScriptNoApi()
    {
        using var response = await LoadPanel(issueId: "../admin");
        using var config = PageHtml.Config(await response.Content.ReadAsStringAsync());

        Assert.That(config.RootElement.TryGetProperty("apiBase", out var api) ? api.GetString() : null, Is.Null);
    }

    [Test]
    public async Task PanelLoad_WithAContextToken_IsRefused()
    {
        using var response = await client.GetAsync($"/pages/issue-sync?issueId=10042&jwt={site.ContextToken("557058:user")}");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Unauthorized);
    }

    [TestCase("app.js", "text/javascript")]
    [TestCase("styles.css", "text/css")]
    public async Task PanelAssets_AreServed(string file, string mediaType)
    {
        using var response = await client.GetAsync("/issue-sync/" + file);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(AssetFolder, file))));
    }

    [Test]
    public async Task EveryModuleThePanelImports_IsServed()
    {
        var imported = Directory.GetFiles(AssetFolder, "*.js")
            .SelectMany(f => Import().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.That(imported, Is.Not.Empty);
        foreach (var module in imported)
        {
            using var response = await client.GetAsync(new Uri(new Uri("http://localhost/issue-sync/app.js"), module).AbsolutePath);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), module);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"), module);
        }
    }

    [TestCase("index.html")]
    [TestCase("missing.js")]
    public async Task TheTemplateAndAnythingElse_AreNotServed(string file)
    {
        using var response = await client.GetAsync("/issue-sync/" + file);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound);
    }

    [TestCase("..%2Fappsettings.json")]
    [TestCase("..%2F..%2Fappsettings.json")]
    public async Task APathOutOfTheAssetFolder_IsRefusedAsADotSegment(string file)
    {
        using var response = await client.GetAsync("/issue-sync/" + file);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "'..' segment");
    }

    [GeneratedRegex("""from '(\.\.?/[a-z0-9-/]+\.js)'""")]
    private static partial Regex Import();
}
