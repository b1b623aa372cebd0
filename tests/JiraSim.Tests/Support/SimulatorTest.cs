namespace JiraSim.Tests.Support;

/// <summary>A fresh simulator (default seed: site-a, site-b, site-dc) for each test.</summary>
public abstract class SimulatorTest
{
    protected JiraSimulator jira = null!;

    [SetUp]
    public async Task StartSimulator() => jira = await JiraSimulator.StartAsync();

    [TearDown]
    public async Task StopSimulator() => await jira.DisposeAsync();
}
