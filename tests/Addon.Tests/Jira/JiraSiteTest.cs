using ConnectAddon.Jira;
using WireMock.Server;

namespace ConnectAddon.Tests.Jira;

/// <summary>One Jira site (WireMock under <see cref="JiraHarness.Prefix"/>) and a private node's client for it, per test.</summary>
public abstract class JiraSiteTest
{
    protected JiraHarness harness = null!;
    protected WireMockServer jira = null!;
    protected JiraClient client = null!;

    [SetUp]
    public void StartSite()
    {
        harness = new JiraHarness();
        jira = harness.StartSite();
        client = harness.ApiTokenClient(jira);
    }

    [TearDown]
    public void StopSite()
    {
        jira.Dispose();
        harness.Dispose();
    }
}
