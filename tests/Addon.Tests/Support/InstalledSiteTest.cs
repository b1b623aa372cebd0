using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Support;

/// <summary>A fresh app with one Jira site installed, for each test, on <paramref name="store"/> (SQLite unless a fixture says).</summary>
public abstract class InstalledSiteTest(TestStore? store = null)
{
    protected TestStore? Store => store;

    protected AddonHost host = null!;
    protected JiraSite site = null!;

    [SetUp]
    public async Task StartAndInstall()
    {
        host = new AddonHost(store: store);
        site = await host.InstallAsync();
    }

    [TearDown]
    public void StopApp() => host.Dispose();
}
