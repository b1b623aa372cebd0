using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Hosting;

/// <summary>What an operator sees when the node is started with a bad setting: a message naming it, and no node.</summary>
public class StartupTests
{
    [Test]
    public async Task InvalidBaseUrlOnTheCommandLine_ExitsWithAMessageNamingIt()
    {
        var workDir = Directory.CreateTempSubdirectory("addon-start-").FullName;
        try
        {
            var (exitCode, output, errors) = await AddonProcess.RunToExitAsync(workDir,
                "--Addon:BaseUrl", "not-a-url", "--Node:Role", "sideways", "--urls", "http://127.0.0.1:0");

            Assert.That(exitCode, Is.EqualTo(2), output + errors);
            Assert.That(errors, Does.Contain("Addon:BaseUrl 'not-a-url'").And.Contain("Node:Role 'sideways'"));
            Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }

    [Test]
    public async Task InvalidFeatureSetting_ExitsWithAMessageNamingIt()
    {
        var workDir = Directory.CreateTempSubdirectory("addon-start-").FullName;
        try
        {
            var (exitCode, output, errors) = await AddonProcess.RunToExitAsync(workDir,
                "--Jira:Resilience:MaxAttempts", "0", "--urls", "http://127.0.0.1:0", "--Addon:BaseUrl", "http://127.0.0.1", "--Addon:Key", "start-test",
                "--Storage:ConnectionString", $"Data Source={Path.Combine(workDir, "addon.db")}");

            Assert.That(exitCode, Is.EqualTo(2), output + errors);
            Assert.That(errors, Does.Contain("MaxAttempts"));
            Assert.That(errors, Does.Not.Contain("   at "), "an operator gets the reason, not a stack trace");
        }
        finally
        {
            Directory.Delete(workDir, recursive: true);
        }
    }
}
