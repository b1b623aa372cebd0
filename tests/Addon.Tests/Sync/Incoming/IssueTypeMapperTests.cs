using ConnectAddon.Jira;
using ConnectAddon.Sync.Incoming;
using ConnectAddon.Sync.Model;
using ConnectAddon.Tests.Jira;
using JiraSim;
using JiraSim.Seed;

namespace ConnectAddon.Tests.Sync.Incoming;

/// <summary>
/// The issue-type fallback as the Connections page states it: a type the project does not have, and every epic, becomes
/// the project's default issue type where this side may read it (a private node on Jira Cloud whose user is a Jira
/// admin), else Task; the app in Jira (no ADMIN scope) and a Data Center node, which cannot read it, use Task.
/// </summary>
public sealed class IssueTypeMapperTests
{
    private JiraSimulator jira = null!;
    private JiraHarness harness = null!;

    [SetUp]
    public async Task Start()
    {
        // GLX on site-b has Bug as its default type here, so the default and Task can be told apart.
        var seed = DefaultSeed.Create();
        seed = seed with
        {
            Sites = [.. seed.Sites.Select(s => s.Key != "site-b" ? s : s with { Projects = [.. s.Projects.Select(p => p with { DefaultIssueType = "Bug" })] })],
        };
        jira = await JiraSimulator.StartAsync(seed);
        harness = new JiraHarness();
    }

    [TearDown]
    public async Task Stop()
    {
        harness.Dispose();
        await jira.DisposeAsync();
    }

    private JiraClient Client(string email, string token) => harness.Factory.For(jira.Site("site-b").BaseUrl, JiraCredentials.ApiToken(email, token));

    private static Task<JiraResult<ConnectAddon.Jira.Models.JiraIssueType>> MapAsync(JiraClient client, string name, int level = 0) =>
        new IssueTypeMapper(TimeProvider.System).MapAsync(client, client.Target.SiteKey, "20000", new ReplicaIssueType(name, false, level), CancellationToken.None);

    [TestCase("Story", 0)]
    [TestCase("Epic", 1)]
    public async Task ATypeTheProjectLacks_OrAnEpic_BecomesTheProjectsDefault_WhereTheNodesUserMayReadIt(string name, int level)
    {
        var mapped = await MapAsync(Client("admin@b.example", DefaultSeed.AdminToken), name, level);

        Assert.That(mapped.Value?.Name, Is.EqualTo("Bug"), mapped.ToString());
    }

    [Test]
    public async Task AUserWhoMayNotReadTheDefault_FallsBackToTask()
    {
        var mapped = await MapAsync(Client("user@b.example", DefaultSeed.UserToken), "Story");

        Assert.That(mapped.Value?.Name, Is.EqualTo("Task"), mapped.ToString());
    }

    [Test]
    public async Task ATypeTheProjectHas_IsMirroredByName_WhateverTheDefault()
    {
        var mapped = await MapAsync(Client("admin@b.example", DefaultSeed.AdminToken), "Task");

        Assert.That(mapped.Value?.Name, Is.EqualTo("Task"));
    }

    [Test]
    public async Task OnDataCenter_TheFallbackIsTask_AndNoSchemeIsAskedFor()
    {
        var site = jira.Site(DefaultSeed.DataCenterSite);
        var client = harness.Factory.For(site.BaseUrl, JiraCredentials.PersonalAccessToken(DefaultSeed.AdminPat), JiraFlavour.DataCenter);

        var mapped = await MapAsync(client, "Story");

        Assert.That(mapped.Value?.Name, Is.EqualTo("Task"), mapped.ToString());
        Assert.That(site.Requests.Snapshot().Keys, Has.None.Contains("issuetypescheme"));
    }
}
