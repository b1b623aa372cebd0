using System.Net;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>The same page as the private node's console (DESIGN §5): only on a private node, with no Jira in it.</summary>
public class ConsolePageTests
{
    private static AddonHost PrivateNode() => new(new()
    {
        ["Node:Role"] = "private",
        ["PrivateNode:Name"] = "Partner node",
        ["PrivateNode:Jira:BaseUrl"] = "https://jira.partner.example",
        ["PrivateNode:Jira:PersonalAccessToken"] = "test-personal-access-token",
        ["Console:AdminPassword"] = "correct horse battery staple",
    });

    [Test]
    public async Task Console_OnAPrivateNode_IsThePageInConsoleMode()
    {
        using var host = PrivateNode();
        using var response = await host.CreateClient().GetAsync("/console");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        using var config = PageHtml.Config(html);
        var root = config.RootElement;
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("console"));
        Assert.That(root.GetProperty("apiBase").GetString(), Is.EqualTo("/api/console"));
        Assert.That(root.GetProperty("loginUrl").GetString(), Is.EqualTo("/console/login"));
        Assert.That(root.GetProperty("logoutUrl").GetString(), Is.EqualTo("/console/logout"));
        Assert.That(html, Does.Contain("<script type=\"module\" src=\"/connections/app.js\"></script>"));
        Assert.That(html, Does.Not.Contain("all.js"), "the console is not in Jira");
    }

    [Test]
    public async Task Console_CannotBeFramedByAnotherSite()
    {
        using var host = PrivateNode();
        using var response = await host.CreateClient().GetAsync("/console");

        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"));
    }

    [Test]
    public async Task Console_OnAPublicNode_DoesNotExist()
    {
        using var host = new AddonHost();
        using var response = await host.CreateClient().GetAsync("/console");
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task PageAssets_AreServedOnAPrivateNodeToo()
    {
        using var host = PrivateNode();
        using var response = await host.CreateClient().GetAsync("/connections/app.js");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
    }
}
