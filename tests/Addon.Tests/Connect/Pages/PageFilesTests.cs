using System.Net;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>
/// The page templates are only ever served filled in, and each role serves only its own pages' files: an outside
/// attack found the private node serving the issue panel's raw template (it holds no data, yet it is not the console's).
/// </summary>
public class PageFilesTests
{
    [TestCase("/issue-sync/index.html")]
    [TestCase("/issue-sync/app.js")]
    [TestCase("/connections/index.html")]
    [TestCase("/index.html")]
    public async Task PrivateNode_ServesNoTemplateAndNoFileOfJirasPages(string path)
    {
        await using var node = await PrivateNode.StartAsync();
        using var response = await node.Browser().GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/connections/index.html")]
    [TestCase("/issue-sync/index.html")]
    [TestCase("/static/../connections/index.html")]
    public async Task PublicNode_ServesNoTemplateRaw(string path)
    {
        using var host = new AddonHost();
        using var response = await host.CreateClient().GetAsync(path);
        Assert.That((int)response.StatusCode, Is.AnyOf(400, 404));
    }

    [Test]
    public async Task TheAppsIcon_IsServedOnBothRoles()
    {
        using var host = new AddonHost();
        await using var node = await PrivateNode.StartAsync();
        using var fromPublic = await host.CreateClient().GetAsync("/static/icon.svg");
        using var fromPrivate = await node.Browser().GetAsync("/static/icon.svg");
        Assert.That((fromPublic.StatusCode, fromPrivate.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
    }
}
