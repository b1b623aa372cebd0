using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JiraSim.Connect;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.Connect;

/// <summary>The Jira-like page that hosts an app's page module in an iframe, signed as Jira signs page loads.</summary>
public class JiraPageTests : SimulatorTest
{
    private static string PageUrl(JiraSimulator jira, string asUser) =>
        $"{jira.RootUrl}site-a/jira/apps/{RealAddonProcess.AppKey}/connections?as={Uri.EscapeDataString(asUser)}";

    [Test]
    public async Task HostPage_FramesTheModuleWithAPageLoadJwtTheRealAppAccepts()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);
        await jira.InstallAppAsync("site-a", addon.DescriptorUrl());
        using var http = new HttpClient();

        var page = await http.GetStringAsync(PageUrl(jira, "557058:a-admin"));
        var frame = WebUtility.HtmlDecode(Regex.Match(page, "<iframe id=\"app-frame\"[^>]* src=\"([^\"]+)\"").Groups[1].Value);
        using var framed = await http.GetAsync(frame);

        Assert.That(frame, Does.StartWith(addon.BaseUrl + "pages/connections?").And.Contain("xdm_e=").And.Contain("&jwt="));
        Assert.That(framed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await framed.Content.ReadAsStringAsync());
        Assert.That(page, Does.Contain("Ada Admin (A)").And.Contain("Uma User (A)"), "the user switcher lists the site's people");
    }

    [Test]
    public async Task ContextToken_IsForTheSignedInUser_WithContextQsh()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);
        await jira.InstallAppAsync("site-a", addon.DescriptorUrl());
        using var http = new HttpClient();

        var answer = JsonNode.Parse(await http.GetStringAsync($"{jira.RootUrl}site-a/jira/context-token?app={RealAddonProcess.AppKey}&as=557058%3Aa-user"))!;
        var claims = JwtParts.Claims(answer["token"]!.GetValue<string>());

        Assert.That(claims["qsh"]!.GetValue<string>(), Is.EqualTo("context-qsh"));
        Assert.That(claims["sub"]!.GetValue<string>(), Is.EqualTo("557058:a-user"));
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(jira.ClientKey("site-a")));
    }

    [Test]
    public async Task AllJs_IsServedAsJavaScriptWithTheApBridge()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(jira.RootUrl + "all.js");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("getToken"));
    }

    [Test]
    public async Task HostPage_ForAnAppThatIsNotInstalled_Is404()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(PageUrl(jira, "557058:a-admin"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GlanceHostPage_FramesThePanelWithTheIssuesContext_AndAPageLoadJwtTheRealAppAccepts()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);
        await jira.InstallAppAsync("site-a", addon.DescriptorUrl());
        var site = jira.Site("site-a");
        var project = site.FindProject("ACME")!;
        var issue = site.CreateIssue(site.FindUser("557058:a-user")!, project, project.IssueTypes[0], "Seen from the glance", null);
        using var http = new HttpClient();

        var page = await http.GetStringAsync($"{jira.RootUrl}site-a/jira/apps/{RealAddonProcess.AppKey}/sync-status?as=557058%3Aa-user&issue={issue.Key}");
        var frame = WebUtility.HtmlDecode(Regex.Match(page, "<iframe id=\"app-frame\"[^>]* src=\"([^\"]+)\"").Groups[1].Value);
        using var framed = await http.GetAsync(frame);

        Assert.That(frame, Does.StartWith($"{addon.BaseUrl}pages/issue-sync?issueId={issue.Id}&issueKey={issue.Key}&projectKey=ACME&").And.Contain("&jwt="));
        Assert.That(framed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await framed.Content.ReadAsStringAsync());
        Assert.That(await framed.Content.ReadAsStringAsync(), Does.Contain($"\"issueKey\":\"{issue.Key}\""));
        Assert.That(page, Does.Contain("Seen from the glance").And.Contain("name=\"issue\" value=\"" + issue.Key + "\""),
            "an issue view around the panel, and switching user keeps the issue");
    }

    [Test]
    public async Task GlanceHostPage_WithoutAnIssue_Is400()
    {
        await using var addon = await RealAddonProcess.StartAsync(jira.InstallKeysBaseUrl);
        await jira.InstallAppAsync("site-a", addon.DescriptorUrl());
        using var http = new HttpClient();

        using var response = await http.GetAsync($"{jira.RootUrl}site-a/jira/apps/{RealAddonProcess.AppKey}/sync-status?as=557058%3Aa-user");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("?issue="));
    }

    [Test]
    public void ContextVariables_AreSubstitutedEncoded_AndUnknownOnesBecomeEmpty()
    {
        var url = JiraPage.WithContext("/p?i={issue.id}&k={issue.key}&x={board.id}", new Dictionary<string, string> { ["issue.id"] = "10001", ["issue.key"] = "A&B-1" });
        Assert.That(url, Is.EqualTo("/p?i=10001&k=A%26B-1&x="));
    }
}
