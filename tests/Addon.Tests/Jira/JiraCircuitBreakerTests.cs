using ConnectAddon.Jira;
using WireMock.ResponseBuilders;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Each Jira site has its own circuit: a site that keeps failing is cut off while the others carry on.</summary>
public class JiraCircuitBreakerTests
{
    private const string Myself = """{"accountId":"557058:b","accountType":"app"}""";

    private static JiraHarness HarnessWithATwitchyCircuit() => new(new()
    {
        ["Jira:Resilience:CircuitMinimumThroughput"] = "2",
        ["Jira:Resilience:CircuitFailureRatio"] = "0.5",
        ["Jira:Resilience:CircuitSamplingDuration"] = "00:00:30",
        // Long enough that it cannot close while the test runs.
        ["Jira:Resilience:CircuitBreakDuration"] = "00:01:00",
        ["Jira:Resilience:MaxAttempts"] = "2",
    });

    [Test]
    public async Task SiteThatKeepsFailing_FailsFastWithCircuitOpen_WhileAnotherSiteStillAnswers()
    {
        using var harness = HarnessWithATwitchyCircuit();
        var siteA = harness.StartSite();
        var siteB = harness.StartSite();
        siteA.Given(At("GET", "/rest/api/3/myself")).RespondWith(Response.Create().WithStatusCode(500));
        siteB.Given(At("GET", "/rest/api/3/myself")).RespondWith(Json(200, Myself));

        var first = await harness.ApiTokenClient(siteA).GetMyselfAsync();
        Assert.That(first.Error!.Kind, Is.EqualTo(JiraErrorKind.Unavailable));
        var reachedA = siteA.Requests().Count;

        var second = await harness.ApiTokenClient(siteA).GetMyselfAsync();
        var other = await harness.ApiTokenClient(siteB).GetMyselfAsync();

        Assert.That(second.Error!.Kind, Is.EqualTo(JiraErrorKind.CircuitOpen));
        Assert.That(second.Error.IsTransient, Is.True);
        Assert.That(siteA.Requests(), Has.Count.EqualTo(reachedA), "an open circuit sends nothing to the failing site");
        Assert.That(other.IsSuccess, Is.True, other.ToString());
    }

    [Test]
    public async Task SitesOnOneHostUnderDifferentPrefixes_HaveSeparateCircuits()
    {
        using var harness = HarnessWithATwitchyCircuit();
        var host = harness.StartSite();
        host.Given(WireMock.RequestBuilders.Request.Create().UsingGet().WithPath("/site-a/rest/api/3/myself")).RespondWith(Response.Create().WithStatusCode(503));
        host.Given(WireMock.RequestBuilders.Request.Create().UsingGet().WithPath("/site-b/rest/api/3/myself")).RespondWith(Json(200, Myself));
        var siteA = harness.Factory.For(new Uri(host.Url + "/site-a"), JiraCredentials.PersonalAccessToken(JiraHarness.PersonalAccessToken));
        var siteB = harness.Factory.For(new Uri(host.Url + "/site-b"), JiraCredentials.PersonalAccessToken(JiraHarness.PersonalAccessToken));

        await siteA.GetMyselfAsync();
        var again = await siteA.GetMyselfAsync();
        var other = await siteB.GetMyselfAsync();

        Assert.That(again.Error!.Kind, Is.EqualTo(JiraErrorKind.CircuitOpen));
        Assert.That(other.IsSuccess, Is.True, other.ToString());
    }

    [Test]
    public async Task ClientMistakesAndThrottling_DoNotOpenTheCircuit()
    {
        using var harness = HarnessWithATwitchyCircuit();
        var site = harness.StartSite();
        site.Given(At("GET", "/rest/api/3/issue/ED-404")).RespondWith(JiraErrors(404, ["Issue does not exist"]));
        site.Given(At("GET", "/rest/api/3/myself")).RespondWith(JiraErrors(429, []).WithHeader("Retry-After", "600"));
        site.Given(At("GET", "/rest/api/3/project/EX")).RespondWith(Json(200, OpenApiExamples.Response("/rest/api/3/project/{projectIdOrKey}", "get", "200")));
        var client = harness.ApiTokenClient(site);

        for (var i = 0; i < 3; i++)
        {
            await client.GetIssueAsync("ED-404");
            await client.GetMyselfAsync();
        }
        var project = await client.GetProjectAsync("EX");

        Assert.That(project.IsSuccess, Is.True, project.ToString());
    }
}
