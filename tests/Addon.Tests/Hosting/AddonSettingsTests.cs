using ConnectAddon.Hosting;
using Microsoft.Extensions.Configuration;

namespace ConnectAddon.Tests.Hosting;

/// <summary>A missing or invalid setting stops start-up with a message that names it.</summary>
public class AddonSettingsTests
{
    private static AddonSettings Load(Dictionary<string, string?> values)
    {
        var defaults = new Dictionary<string, string?> { ["Addon:BaseUrl"] = "https://sync.example.com", ["Addon:Key"] = "com.example.sync" };
        foreach (var (key, value) in values)
            defaults[key] = value;
        return AddonSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(defaults).Build(), "/srv/addon");
    }

    [Test]
    public void OnlyBaseUrlAndKey_GivesTheDocumentedDefaults()
    {
        var settings = Load([]);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Name, Is.EqualTo("Exalate"));
            Assert.That(settings.InstallKeysBaseUrl, Is.EqualTo(new Uri("https://connect-install-keys.atlassian.com")));
            Assert.That(settings.AllJsUrl, Is.EqualTo(new Uri("https://connect-cdn.atl-paas.net/all.js")));
            Assert.That(settings.StorageProvider, Is.EqualTo("sqlite"));
            Assert.That(settings.DataDirectory, Is.EqualTo("/srv/addon/data"));
            Assert.That(settings.ConnectionString, Does.Contain("/srv/addon/data/addon.db"));
            Assert.That(settings.Role, Is.EqualTo(NodeRole.Public));
        });
    }

    [Test]
    public void BaseUrlWithPath_GivesTheBasePathWithoutTrailingSlash() =>
        Assert.That(Load(new() { ["Addon:BaseUrl"] = "https://example.com/sync/" }).BasePath, Is.EqualTo("/sync"));

    [Test]
    public void PrivateRole_IsReadCaseInsensitively() =>
        Assert.That(Load(new() { ["Node:Role"] = "Private" }).Role, Is.EqualTo(NodeRole.Private));

    [TestCase("Addon:BaseUrl", "", "Addon:BaseUrl is missing")]
    [TestCase("Addon:BaseUrl", "sync.example.com", "Addon:BaseUrl 'sync.example.com'")]
    [TestCase("Addon:BaseUrl", "ftp://sync.example.com", "Addon:BaseUrl")]
    [TestCase("Addon:BaseUrl", "https://sync.example.com/?a=1", "without query")]
    [TestCase("Addon:Key", "", "Addon:Key is missing")]
    [TestCase("Addon:Key", "my app", "Addon:Key 'my app'")]
    [TestCase("Connect:InstallKeysBaseUrl", "not a url", "Connect:InstallKeysBaseUrl")]
    [TestCase("Connect:AllJsUrl", "//cdn/all.js", "Connect:AllJsUrl")]
    [TestCase("Storage:Provider", "oracle", "Storage:Provider 'oracle'")]
    [TestCase("Storage:ConnectionString", "Data Source=:memory:", "Storage:ConnectionString must name a database file")]
    [TestCase("Storage:ConnectionString", "Nonsense Keyword=1", "Storage:ConnectionString is not a valid")]
    [TestCase("Node:Role", "both", "Node:Role 'both'")]
    [TestCase("Node:Role", "2", "Node:Role '2'")]
    public void InvalidSetting_StopsStartUpNamingIt(string key, string value, string message)
    {
        var failure = Assert.Throws<InvalidSettingsException>(() => Load(new() { [key] = value }));
        Assert.That(failure!.Message, Does.Contain(message));
    }

    [Test]
    public void SeveralInvalidSettings_AreAllNamedAtOnce()
    {
        var failure = Assert.Throws<InvalidSettingsException>(() => Load(new() { ["Addon:BaseUrl"] = "", ["Node:Role"] = "x" }));
        Assert.That(failure!.Problems, Has.Count.EqualTo(2));
    }
}
