using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Hosting;

/// <summary>What an operator sees when the node is started with a bad setting: a message naming it, and no node.</summary>
public class StartupTests
{
    [Test]
    public async Task InvalidBaseUrlOnTheCommandLine_ExitsWithAMessageNamingIt()
    {
        var (exitCode, output, errors) = await NodeProcess.StartExpectingFailureAsync(new Dictionary<string, string>
        {
            ["Addon:BaseUrl"] = "not-a-url",
            ["Node:Role"] = "sideways",
        });

        Assert.That(exitCode, Is.EqualTo(2), output + errors);
        Assert.That(errors, Does.Contain("Addon:BaseUrl 'not-a-url'").And.Contain("Node:Role 'sideways'"));
        Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
    }

    [Test]
    public async Task InvalidFeatureSetting_ExitsWithAMessageNamingIt()
    {
        var (exitCode, output, errors) = await NodeProcess.StartExpectingFailureAsync(new Dictionary<string, string>
        {
            ["Jira:Resilience:MaxAttempts"] = "0",
        });

        Assert.That(exitCode, Is.EqualTo(2), output + errors);
        Assert.That(errors, Does.Contain("MaxAttempts"));
        Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
    }
}
