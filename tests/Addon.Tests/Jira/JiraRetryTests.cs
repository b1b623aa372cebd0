using ConnectAddon.Jira;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>Requests that are safe to repeat are repeated on transient failures, waiting as Jira asks ("Rate limiting" page).</summary>
public class JiraRetryTests
{
    private const string Myself = """{"accountId":"5b10a2844c20165700ede21g","accountType":"app","displayName":"Exalate"}""";
    private JiraHarness harness = null!;
    private WireMockServer jira = null!;

    [SetUp]
    public void Start()
    {
        harness = new JiraHarness();
        jira = harness.StartSite();
    }

    [TearDown]
    public void Stop()
    {
        jira.Dispose();
        harness.Dispose();
    }

    [TestCase(429, "jira-quota-tenant-based")]
    [TestCase(503, null)]
    public async Task Get_ThrottledWithRetryAfterOneSecond_WaitsAtLeastThatLongThenSucceeds(int status, string? reason)
    {
        var throttled = JiraErrors(status, ["Rate limit exceeded."]).WithHeader("Retry-After", "1");
        if (reason is not null)
            throttled = throttled.WithHeader("RateLimit-Reason", reason);
        jira.Sequence(At("GET", "/rest/api/3/myself"), throttled, Json(200, Myself));

        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.AccountId, Is.EqualTo("5b10a2844c20165700ede21g"));
        var requests = jira.Requests();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].DateTime - requests[0].DateTime, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Get_ThrottledWithRetryAfterAsAnHttpDate_WaitsUntilThatDate()
    {
        // HTTP dates have whole seconds: two seconds ahead is at least one full second away.
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        jira.Sequence(At("GET", "/rest/api/3/myself"),
            Response.Create().WithStatusCode(429).WithHeader("Retry-After", until.ToString("R")), Json(200, Myself));

        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var requests = jira.Requests();
        var wholeSecond = new DateTime(until.UtcTicks - until.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        Assert.That(requests[1].DateTime, Is.GreaterThanOrEqualTo(wholeSecond));
    }

    [Test]
    public async Task Get_RetryAfterLongerThanWorthWaiting_ReturnsRateLimitedAtOnceWithTheWaitAndReason()
    {
        jira.Given(At("GET", "/rest/api/3/myself")).RespondWith(JiraErrors(429, [])
            .WithHeader("Retry-After", "3600").WithHeader("RateLimit-Reason", "jira-quota-global-based"));

        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.RateLimited));
        Assert.That(result.Error.RetryAfter, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(result.Error.RateLimitReason, Is.EqualTo("jira-quota-global-based"));
        Assert.That(result.Error.IsTransient, Is.True);
        Assert.That(jira.Requests(), Has.Count.EqualTo(1), "a one-hour wait is the caller's to schedule, not the client's to hold");
    }

    [Test]
    public async Task Get_Answered500Then200_IsRetriedAndSucceeds()
    {
        jira.Sequence(At("GET", "/rest/api/3/myself"), JiraErrors(500, ["Internal server error"]), Json(200, Myself));

        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Put_Answered502Then204_IsRetriedBecauseItIsIdempotent()
    {
        jira.Sequence(At("PUT", "/rest/api/3/issue/ED-1/properties/sync.twin"), Response.Create().WithStatusCode(502), Response.Create().WithStatusCode(204));

        var result = await harness.ApiTokenClient(jira).SetIssuePropertyAsync("ED-1", "sync.twin", System.Text.Json.Nodes.JsonNode.Parse("""{"remote":"10001"}""")!);

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Requests(), Has.Count.EqualTo(2));
        Assert.That(jira.Requests().Select(r => r.Body), Is.All.EqualTo("""{"remote":"10001"}"""), "the retried PUT carries its whole body again");
    }

    [Test]
    public async Task Get_Answered404_IsNotRetriedAndReturnsNotFoundWithJirasMessages()
    {
        jira.Given(At("GET", "/rest/api/3/issue/ED-404")).RespondWith(JiraErrors(404, ["Issue does not exist or you do not have permission to see it."]));

        var result = await harness.ApiTokenClient(jira).GetIssueAsync("ED-404");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.NotFound));
        Assert.That(result.Error.Status, Is.EqualTo(404));
        Assert.That(result.Error.ErrorMessages, Is.EqualTo(new[] { "Issue does not exist or you do not have permission to see it." }));
        Assert.That(result.Error.Message, Does.Contain("Issue does not exist"));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_FailingEveryTime_StopsAfterMaxAttemptsWithUnavailable()
    {
        jira.Given(At("GET", "/rest/api/3/myself")).RespondWith(Response.Create().WithStatusCode(500));

        var result = await harness.ApiTokenClient(jira).GetMyselfAsync();

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.Unavailable));
        Assert.That(result.Error.Status, Is.EqualTo(500));
        Assert.That(jira.Requests(), Has.Count.EqualTo(3), "Jira:Resilience:MaxAttempts is 3 in these tests");
    }

    [Test]
    public async Task Get_SlowerThanTheAttemptTimeout_IsRetriedThenReturnsTimeout()
    {
        using var quick = new JiraHarness(new() { ["Jira:Resilience:AttemptTimeout"] = "00:00:00.200", ["Jira:Resilience:MaxAttempts"] = "2" });
        using var silent = new SilentJira(hang: true);
        var client = quick.Factory.For(new Uri(silent.Url + JiraHarness.Prefix), JiraCredentials.ApiToken(JiraHarness.Email, JiraHarness.ApiToken));

        var result = await client.GetMyselfAsync();

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.Timeout), result.ToString());
        Assert.That(result.Error.Status, Is.Null);
        Assert.That(silent.Received, Is.EqualTo(2));
    }

    [Test]
    public async Task Get_Answered400_IsNotRetriedAndCarriesJirasFieldErrors()
    {
        jira.Given(At("GET", "/rest/api/3/issue/createmeta/EX/issuetypes")).RespondWith(
            JiraErrors(400, ["Parameter 'maxResults' must not exceed the limit '200'"], new() { ["maxResults"] = "too large" }));

        var result = await harness.ApiTokenClient(jira).GetCreatableIssueTypesAsync("EX", maxResults: 500);

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.BadRequest));
        Assert.That(result.Error.Errors["maxResults"], Is.EqualTo("too large"));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }
}
