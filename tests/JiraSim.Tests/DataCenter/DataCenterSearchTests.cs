using System.Text.Json.Nodes;
using JiraSim.Tests.Support;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterSearchTests : DataCenterTest
{
    [Test]
    public async Task Search_PagesByOffset_WithATotal()
    {
        for (var i = 1; i <= 5; i++)
            await admin.CreateIssueV2("GLX", "Task", $"Issue {i}");

        var (status, first) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql=project%3DGLX%20ORDER%20BY%20key%20ASC&startAt=0&maxResults=2"));
        var (_, last) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql=project%3DGLX%20ORDER%20BY%20key%20ASC&startAt=4&maxResults=2"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(first!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "expand", "startAt", "maxResults", "total", "issues" }));
        Assert.That(first["total"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(first["maxResults"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(Keys(first), Is.EqualTo(new[] { "GLX-1", "GLX-2" }));
        Assert.That(last!["startAt"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(Keys(last), Is.EqualTo(new[] { "GLX-5" }));
    }

    [Test]
    public async Task MaxResults_Is50ByDefault_AndAtMost1000()
    {
        var (_, byDefault) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql=project%3DGLX"));
        var (_, capped) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql=project%3DGLX&maxResults=5000"));

        Assert.That(byDefault!["maxResults"]!.GetValue<int>(), Is.EqualTo(50));
        Assert.That(capped!["maxResults"]!.GetValue<int>(), Is.EqualTo(1000));
    }

    [Test]
    public async Task PostSearch_TakesJqlStartAtMaxResultsAndFields_AndAnswersNavigableFieldsWithoutFields()
    {
        await admin.CreateIssueV2("GLX", "Bug", "Found", "a *wiki* description");

        var (status, selected) = await admin.SendJson(HttpMethod.Post, SimClients.V2("search"),
            new JsonObject { ["jql"] = "summary ~ Found", ["startAt"] = 0, ["maxResults"] = 10, ["fields"] = new JsonArray("summary", "description") });
        var (_, navigable) = await admin.SendJson(HttpMethod.Post, SimClients.V2("search"), new JsonObject { ["jql"] = "summary ~ Found" });

        Assert.That(status, Is.EqualTo(200));
        Assert.That(selected!["issues"]![0]!["fields"]!.AsObject().Select(f => f.Key), Is.EquivalentTo(new[] { "summary", "description" }));
        Assert.That(selected["issues"]![0]!["fields"]!["description"]!.GetValue<string>(), Is.EqualTo("a *wiki* description"));
        Assert.That(navigable!["issues"]![0]!["fields"]!.AsObject().ContainsKey("summary"), Is.True);
        Assert.That(navigable["issues"]![0]!["fields"]!.AsObject().ContainsKey("description"), Is.False);
    }

    [Test]
    public async Task UnboundedQueries_AreAllowed_OnDataCenter()
    {
        await admin.CreateIssueV2("GLX", "Task", "Any");

        var (status, all) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql="));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(all!["total"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task BadJql_Is400_InJirasShape()
    {
        var (status, body) = await admin.SendJson(HttpMethod.Get, SimClients.V2("search?jql=project%20%3D"));

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["errorMessages"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task DatesAreMinutesInTheSitesZone_AnIssueUpdatedAt201540LocalMatchesFrom2015()
    {
        // 19:15:40 UTC is 20:15:40 in Berlin in December (+01:00).
        await Restart(new DateTimeOffset(2026, 12, 4, 19, 15, 40, TimeSpan.Zero));
        var key = await CreateOn(Site, "Updated at 20:15:40 Berlin");
        using var cloud = jira.Admin("site-b");
        await cloud.CreateIssue("GLX", "Task", "Updated at 19:15:40 UTC");

        Assert.That(await OnDataCenter("updated >= \"2026/12/04 20:15\""), Is.EqualTo(new[] { key }));
        Assert.That(await OnDataCenter("updated >= \"2026-12-04 20:16\""), Is.Empty);
        Assert.That(await OnDataCenter("updated < \"2026/12/04 20:16\""), Is.EqualTo(new[] { key }));
        // The same words on a Cloud site (UTC) mean an hour later: its issue, updated at 19:15:40 UTC, is not matched.
        Assert.That(await OnCloud(cloud, "project = GLX AND updated >= \"2026/12/04 20:15\""), Is.Empty);
    }

    [Test]
    public async Task ADateAlone_IsTheSitesDay_FromItsLocalMidnight()
    {
        // 23:30 UTC on the 4th is 00:30 on the 5th in Berlin.
        await Restart(new DateTimeOffset(2026, 12, 4, 23, 30, 0, TimeSpan.Zero));
        var key = await CreateOn(Site, "Just after midnight in Berlin");

        Assert.That(await OnDataCenter("created = \"2026-12-05\""), Is.EqualTo(new[] { key }));
        Assert.That(await OnDataCenter("created >= \"2026-12-05\""), Is.EqualTo(new[] { key }));
        Assert.That(await OnDataCenter("created = \"2026-12-04\""), Is.Empty);
    }

    [Test]
    public async Task RelativePeriods_CountFromNow()
    {
        var clock = await Restart(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var key = await CreateOn(Site, "An hour ago");
        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.That(await OnDataCenter("updated >= -2h"), Is.EqualTo(new[] { key }));
        Assert.That(await OnDataCenter("updated >= -1h"), Is.Empty);
    }

    private async Task<ManualClock> Restart(DateTimeOffset at)
    {
        var clock = new ManualClock(at);
        await jira.DisposeAsync();
        admin.Dispose();
        jira = await JiraSimulator.StartAsync(clock: clock);
        admin = jira.Admin(Site);
        return clock;
    }

    private async Task<string> CreateOn(string site, string summary)
    {
        using var client = jira.Admin(site);
        return await client.CreateIssueV2("GLX", "Task", summary);
    }

    private Task<string[]> OnDataCenter(string jql) => Matches(admin, SimClients.V2("search"), jql);

    private static Task<string[]> OnCloud(HttpClient cloud, string jql) => Matches(cloud, SimClients.V3("search/jql"), jql);

    private static async Task<string[]> Matches(HttpClient client, string path, string jql)
    {
        var (status, body) = await client.SendJson(HttpMethod.Post, path, new JsonObject { ["jql"] = jql, ["fields"] = new JsonArray("key") });
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return Keys(body!);
    }

    private static string[] Keys(JsonNode page) => page["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToArray();
}
