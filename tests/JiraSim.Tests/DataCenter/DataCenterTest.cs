using JiraSim.Seed;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

/// <summary>A fresh simulator with the default seed, and clients of its Data Center site, site-dc.</summary>
public abstract class DataCenterTest : SimulatorTest
{
    protected const string Site = DefaultSeed.DataCenterSite;
    protected HttpClient admin = null!;

    [SetUp]
    public void CreateAdminClient() => admin = jira.Admin(Site);

    [TearDown]
    public void DisposeAdminClient() => admin.Dispose();
}
