using System.Net;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>A private node's settings: checked at start, naming the key that is wrong; a public node ignores them and has no console.</summary>
public class PrivateNodeSettingsTests
{
    /// <summary>What start-up would say of these settings: the private console's options as the app registers and validates them.</summary>
    private static string StartFailure(Dictionary<string, string?> overrides)
    {
        var values = PrivateNode.Settings(new Uri("http://127.0.0.1:9/jira"));
        values["Addon:BaseUrl"] = "http://127.0.0.1";
        values["Addon:Key"] = "settings-test";
        foreach (var (key, value) in overrides)
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(AddonSettings.FromConfiguration(configuration, Path.GetTempPath()));
        services.AddPrivateConsole();
        using var provider = services.BuildServiceProvider();

        var failures = new List<string>();
        try { _ = provider.GetRequiredService<IOptions<PrivateNodeOptions>>().Value; }
        catch (OptionsValidationException invalid) { failures.AddRange(invalid.Failures); }
        try { _ = provider.GetRequiredService<IOptions<ConsoleOptions>>().Value; }
        catch (OptionsValidationException invalid) { failures.AddRange(invalid.Failures); }
        Assert.That(failures, Is.Not.Empty, "the settings should have been refused");
        return string.Join(Environment.NewLine, failures);
    }

    [TestCase("PrivateNode:Jira:BaseUrl", null, "PrivateNode:Jira:BaseUrl is missing")]
    [TestCase("PrivateNode:Jira:BaseUrl", "jira.intranet", "PrivateNode:Jira:BaseUrl 'jira.intranet'")]
    [TestCase("PrivateNode:Jira:BaseUrl", "https://bot:pw@jira.intranet", "PrivateNode:Jira:BaseUrl")]
    [TestCase("PrivateNode:Jira:Email", null, "PrivateNode:Jira:Email is missing")]
    [TestCase("PrivateNode:Jira:ApiToken", null, "PrivateNode:Jira:ApiToken is missing")]
    [TestCase("PrivateNode:Jira:PersonalAccessToken", "a-pat-as-well", "use exactly one way")]
    [TestCase("PrivateNode:Name", "", "PrivateNode:Name")]
    [TestCase("PrivateNode:PublicNodeTimeout", "00:00:00", "PrivateNode:PublicNodeTimeout")]
    [TestCase("PrivateNode:PublicNodeTimeout", "soon", "PrivateNode:PublicNodeTimeout")]
    [TestCase("PrivateNode:AllowInsecurePublicNode", "maybe", "PrivateNode:AllowInsecurePublicNode")]
    [TestCase("Console:AdminPassword", "short", "Console:AdminPassword is too short")]
    public void InvalidSetting_StopsStartUpNamingIt(string key, string? value, string message)
    {
        var failures = StartFailure(new() { [key] = value });
        Assert.That(failures, Does.Contain(message));
    }

    [Test]
    public void NoJiraCredentials_StopsStartUpNamingBothWays()
    {
        var failures = StartFailure(new() { ["PrivateNode:Jira:Email"] = null, ["PrivateNode:Jira:ApiToken"] = null });
        Assert.That(failures, Does.Contain("PrivateNode:Jira:Email").And.Contain("PrivateNode:Jira:PersonalAccessToken"));
    }

    [Test]
    public void InvalidSettingMessages_NeverShowASecret()
    {
        var failures = StartFailure(new() { ["PrivateNode:Jira:PersonalAccessToken"] = "pat-SECRET-value", ["Console:AdminPassword"] = "SECRETshort" });
        Assert.That(failures, Does.Not.Contain("SECRET").And.Not.Contain("admin-api-token"));
    }

    [Test]
    public async Task PrivateRoleWithoutItsSettings_ExitsWithCode2NamingTheKeys()
    {
        var (exitCode, output, errors) = await NodeProcess.StartExpectingFailureAsync(new Dictionary<string, string>
        {
            ["Node:Role"] = "private",
        });

        Assert.That(exitCode, Is.EqualTo(2), output + errors);
        Assert.That(errors, Does.Contain("PrivateNode:Jira:BaseUrl").And.Contain("PrivateNode:Jira:PersonalAccessToken"));
        Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
        Assert.That(output, Does.Not.Contain("Console admin password"), "a node that does not start makes no credential");
    }

    [Test]
    public async Task PersonalAccessTokenAlone_IsEnough()
    {
        await using var node = await PrivateNode.StartAsync(new()
        {
            ["PrivateNode:Jira:Email"] = null,
            ["PrivateNode:Jira:ApiToken"] = null,
            ["PrivateNode:Jira:PersonalAccessToken"] = JiraSim.Seed.DefaultSeed.AdminPat,
        });
        using var browser = await node.LoggedInAsync();
        Assert.That((await browser.GetAsync("/api/console/connections")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task PublicNode_IgnoresPrivateNodeSettings_AndHasNoConsole()
    {
        using var host = new AddonHost(new() { ["Console:AdminPassword"] = "short" });
        using var client = host.CreateClient();

        using var login = await client.PostAsync("/console/login", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var api = await client.GetAsync("/api/console/connections");

        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await host.ScalarAsync<long>("SELECT COUNT(*) FROM console_credentials"), Is.Zero, "a public node keeps no console login");
    }
}
