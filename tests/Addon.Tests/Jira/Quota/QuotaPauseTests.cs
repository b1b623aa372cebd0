using ConnectAddon.Jira;
using ConnectAddon.Jira.Quota;
using ConnectAddon.Storage;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Server;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira.Quota;

/// <summary>
/// Jira's hourly points quota ("Rate limiting": https://developer.atlassian.com/cloud/jira/platform/rate-limiting):
/// once a site answers 429 with a <c>jira-quota-*</c> reason, nothing more is sent to it until the reset it announced,
/// by this process or by any other sharing the database; other sites are not held up.
/// </summary>
public sealed class QuotaPauseTests
{
    private const string Myself = """{"accountId":"5b10a2844c20165700ede21g","accountType":"app","displayName":"Exalate"}""";
    private JiraHarness harness = null!;
    private WireMockServer spent = null!, other = null!;

    [SetUp]
    public void Start()
    {
        harness = new JiraHarness();
        spent = harness.StartSite();
        other = harness.StartSite();
        other.Given(At("GET", "/rest/api/3/myself")).RespondWith(Json(200, Myself));
    }

    [TearDown]
    public void Stop()
    {
        spent.Dispose();
        other.Dispose();
        harness.Dispose();
    }

    [Test]
    public async Task AQuota429_PausesTheSitesCallsUntilTheReset_WithoutSendingThem_WhileOtherSitesGoOn()
    {
        spent.Given(At("GET", "/rest/api/3/myself")).RespondWith(
            JiraErrors(429, ["Rate limit exceeded."]).WithHeader("Retry-After", "1800").WithHeader("RateLimit-Reason", "jira-quota-tenant-based"));
        var client = harness.ApiTokenClient(spent);

        var first = await client.GetMyselfAsync();
        Assert.That(first.Error?.Kind, Is.EqualTo(JiraErrorKind.RateLimited), first.ToString());
        var sent = spent.LogEntries.Count();

        var later = await client.GetMyselfAsync();
        Assert.That(later.Error?.Kind, Is.EqualTo(JiraErrorKind.RateLimited));
        Assert.That(later.Error!.Message, Does.Contain("Paused by Jira's rate limit until"));
        Assert.That(later.Error.RetryAfter, Is.GreaterThan(TimeSpan.FromMinutes(29)));
        Assert.That(spent.LogEntries.Count(), Is.EqualTo(sent), "nothing more was sent to the site");
        Assert.That((await harness.ApiTokenClient(other).GetMyselfAsync()).IsSuccess, Is.True, "another site is not held up");
    }

    [Test]
    public async Task AGlobalQuota429_PausesEverySite_ForTheQuotaIsTheAppsAcrossAllTenants()
    {
        spent.Given(At("GET", "/rest/api/3/myself")).RespondWith(
            JiraErrors(429, ["Rate limit exceeded."]).WithHeader("Retry-After", "1800").WithHeader("RateLimit-Reason", "jira-quota-global-based"));
        await harness.ApiTokenClient(spent).GetMyselfAsync();

        var elsewhere = await harness.ApiTokenClient(other).GetMyselfAsync();

        Assert.That(elsewhere.Error?.Kind, Is.EqualTo(JiraErrorKind.RateLimited));
        Assert.That(other.LogEntries, Is.Empty, "nothing was sent to the other site either");
    }

    [Test]
    public async Task ABurst429_DoesNotPauseTheSite()
    {
        spent.Given(At("GET", "/rest/api/3/myself")).RespondWith(
            JiraErrors(429, ["Rate limit exceeded."]).WithHeader("Retry-After", "1800").WithHeader("RateLimit-Reason", "jira-burst-based"));
        var client = harness.ApiTokenClient(spent);
        await client.GetMyselfAsync();
        var sent = spent.LogEntries.Count();

        await client.GetMyselfAsync();

        Assert.That(spent.LogEntries.Count(), Is.GreaterThan(sent), "a burst limit is about one endpoint for a second: the next call is sent");
    }
}

/// <summary>The pause one process learns reaches the others through the database, on either store.</summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class QuotaPauseSharingTests(TestStore store)
{
    [Test]
    public async Task APauseLearnedByOneProcess_HoldsInEveryProcess_UntilItEnds()
    {
        await using var shared = await TwoProcessStore.StartAsync(store, "quota");
        var (first, second) = (shared.First, shared.Second);
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var (learned, told) = (new JiraQuotaPauses(first, clock, NullLogger<JiraQuotaPauses>.Instance), new JiraQuotaPauses(second, clock, NullLogger<JiraQuotaPauses>.Instance));
        const string site = "https://acme.atlassian.net";

        await learned.PauseAsync(site, clock.GetUtcNow().AddMinutes(20), "jira-quota-tenant-based", default);
        await learned.PauseAsync(site, clock.GetUtcNow().AddMinutes(5), "jira-quota-global-based", default); // shorter: the longer stands
        Assert.That(told.Current(site), Is.Null, "not read yet");
        await told.ReadAsync(default);

        Assert.That(told.Current(site), Is.EqualTo(new QuotaPause(site, clock.GetUtcNow().AddMinutes(20), "jira-quota-tenant-based")));
        Assert.That(told.Current("https://globex.atlassian.net"), Is.Null);
        clock.Advance(TimeSpan.FromMinutes(21));
        await told.ReadAsync(default);
        Assert.That(told.Current(site), Is.Null, "ended");
    }
}
