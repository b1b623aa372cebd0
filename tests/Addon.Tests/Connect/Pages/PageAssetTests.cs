using System.Net;
using System.Text.RegularExpressions;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>The page's scripts and styles: served to anyone (they hold no data), with the right types, always revalidated.</summary>
public partial class PageAssetTests
{
    private AddonHost host = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        host = new AddonHost();
        client = host.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        host.Dispose();
    }

    private static string AssetFolder => Path.Combine(RepositoryLayout.AddonProjectDirectory, "wwwroot", "connections");

    [TestCase("app.js", "text/javascript")]
    [TestCase("api.js", "text/javascript")]
    [TestCase("styles.css", "text/css")]
    public async Task Asset_IsServedWithItsContentType(string file, string mediaType)
    {
        using var response = await client.GetAsync("/connections/" + file);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(mediaType));
        Assert.That(response.Headers.CacheControl?.NoCache, Is.True, "a new version's modules are never mixed with cached old ones");
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(await File.ReadAllTextAsync(Path.Combine(AssetFolder, file))));
    }

    [Test]
    public async Task EveryModuleThePageImports_IsServed()
    {
        var imported = Directory.GetFiles(AssetFolder, "*.js")
            .SelectMany(f => Import().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        Assert.That(imported, Is.Not.Empty);
        foreach (var module in imported)
        {
            using var response = await client.GetAsync("/connections/" + module);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), module);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"), module);
        }
    }

    [Test]
    public async Task UnchangedAsset_IsAnswered304()
    {
        using var first = await client.GetAsync("/connections/app.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/connections/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var response = await client.SendAsync(again);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("index.html")]
    [TestCase("missing.js")]
    public async Task TheTemplateAndAnythingElse_AreNotServed(string file)
    {
        using var response = await client.GetAsync("/connections/" + file);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.NotFound);
    }

    [TestCase("..%2Fappsettings.json")]
    [TestCase("..%2F..%2Fappsettings.json")]
    public async Task APathOutOfTheAssetFolder_IsRefusedAsADotSegment(string file)
    {
        using var response = await client.GetAsync("/connections/" + file);
        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, "'..' segment");
    }

    [GeneratedRegex("""from '\./([a-z0-9-]+\.js)'""")]
    private static partial Regex Import();
}
