using System.Net;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>
/// Every HTML page carries a Content-Security-Policy: its own scripts only (and Atlassian's all.js where Jira frames
/// it), calls to this node only, and framing only by the Jira site that loads it (its base URL and its custom domain)
/// or, for the console, by nothing at all.
/// </summary>
public class PageSecurityHeadersTests
{
    private const string AllJsUrl = "https://connect-cdn.example.test/all.js";
    private AddonHost host = null!;
    private JiraSite site = null!;

    [OneTimeSetUp]
    public async Task Install()
    {
        host = new AddonHost(new() { ["Connect:AllJsUrl"] = AllJsUrl });
        // A site with a custom domain: Jira shows it (and frames the app) at its displayUrl.
        site = new JiraSite("client-custom-domain", "https://acme.atlassian.net", LifecycleBody.NewSharedSecret());
        var body = LifecycleBody.For("installed", AddonHost.AppKey, site.ClientKey, site.BaseUrl, site.SharedSecret);
        body["displayUrl"] = "https://issues.acme.example/";
        using var installed = await host.SendInstallAsync("installed", body);
        Assert.That(installed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [OneTimeTearDown]
    public void Dispose() => host.Dispose();

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ', 2)[0], d => d.Split(' ', 2).ElementAtOrDefault(1) ?? "");

    private async Task<HttpResponseMessage> LoadAsync(string path, params (string, string)[] query)
    {
        var token = site.Token("GET", path, query, subject: "557058:admin");
        var text = string.Concat(query.Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2)}&"));
        return await host.CreateClient().GetAsync($"{path}?{text}jwt={token}");
    }

    [TestCase("/pages/connections")]
    [TestCase("/pages/issue-sync")]
    public async Task JiraPages_MayBeFramedOnlyByTheSitesOwnAddresses_AndRunOnlyTheirOwnScriptsAndAllJs(string path)
    {
        using var response = path == "/pages/issue-sync"
            ? await LoadAsync(path, ("issueId", "10042"), ("issueKey", "ACME-1"), ("projectKey", "ACME"))
            : await LoadAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var csp = Directives(response);
        Assert.Multiple(() =>
        {
            Assert.That(csp["frame-ancestors"].Split(' '), Is.EquivalentTo(new[] { "https://acme.atlassian.net", "https://issues.acme.example" }));
            Assert.That(csp["default-src"], Is.EqualTo("'none'"));
            Assert.That(csp["script-src"].Split(' '), Is.EquivalentTo(new[] { "'self'", "https://connect-cdn.example.test" }));
            Assert.That(csp["connect-src"], Is.EqualTo("'self'"));
            Assert.That(csp["object-src"], Is.EqualTo("'none'"));
            Assert.That(csp["base-uri"], Is.EqualTo("'none'"));
            Assert.That(response.Headers.Contains("X-Frame-Options"), Is.False, "X-Frame-Options cannot name Jira's origins; the CSP does");
        });
    }

    [Test]
    public async Task ConsolePage_MayBeFramedByNothing_AndRunsOnlyItsOwnScriptsAndStyles()
    {
        await using var node = await PrivateNode.StartAsync();
        using var response = await node.Browser().GetAsync("/console");

        var csp = Directives(response);
        Assert.Multiple(() =>
        {
            Assert.That(csp["frame-ancestors"], Is.EqualTo("'none'"));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(csp["script-src"], Is.EqualTo("'self'"));
            Assert.That(csp["style-src"], Is.EqualTo("'self'"));
            Assert.That(csp["connect-src"], Is.EqualTo("'self'"));
            Assert.That(csp["form-action"], Is.EqualTo("'none'"));
        });
    }
}
