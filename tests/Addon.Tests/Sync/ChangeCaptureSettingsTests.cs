using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole;
using ConnectAddon.Sync.Capture;
using ConnectAddon.Tests.PrivateConsole;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.Sync;

/// <summary>The capture settings under <c>PrivateNode</c>: checked at start on a private node, naming the key that is wrong.</summary>
public class ChangeCaptureSettingsTests
{
    private static ChangeCaptureOptions Options(Dictionary<string, string?> overrides, string role = "private")
    {
        var values = PrivateNode.Settings(new Uri("http://127.0.0.1:9/jira"));
        values["Addon:BaseUrl"] = "http://127.0.0.1";
        values["Addon:Key"] = "settings-test";
        values["Node:Role"] = role;
        foreach (var (key, value) in overrides)
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(AddonSettings.FromConfiguration(configuration, Path.GetTempPath()));
        services.AddPrivateConsole();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ChangeCaptureOptions>>().Value;
    }

    [Test]
    public void Defaults_PollEveryTenSecondsWithTwoMinutesOfOverlap()
    {
        var options = Options([]);
        Assert.That((options.PollInterval, options.ChangeOverlap, options.MaxPollBackoff, options.CapturePageSize),
            Is.EqualTo((TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1), 100)));
    }

    [TestCase("PrivateNode:PollInterval", "00:00:00")]
    [TestCase("PrivateNode:PollInterval", "often")]
    [TestCase("PrivateNode:ChangeOverlap", "-00:01:00")]
    [TestCase("PrivateNode:MaxPollBackoff", "00:00:01")]
    [TestCase("PrivateNode:CapturePageSize", "500")]
    public void InvalidSetting_StopsStartUpNamingIt(string key, string value)
    {
        var invalid = Assert.Throws<OptionsValidationException>(() => Options(new() { [key] = value }));
        Assert.That(string.Join("\n", invalid!.Failures), Does.Contain(key));
    }

    [Test]
    public void PublicNode_IgnoresTheCaptureSettings()
    {
        Assert.DoesNotThrow(() => Options(new() { ["PrivateNode:PollInterval"] = "00:00:00" }, role: "public"));
    }
}
