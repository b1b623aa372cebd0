namespace ConnectAddon.Tests.Support;

/// <summary>A fresh app with one Jira site installed, for each test.</summary>
public abstract class InstalledSiteTest
{
    protected AddonHost host = null!;
    protected JiraSite site = null!;

    [SetUp]
    public async Task StartAndInstall()
    {
        host = new AddonHost();
        site = await host.InstallAsync();
    }

    [TearDown]
    public void StopApp() => host.Dispose();
}
