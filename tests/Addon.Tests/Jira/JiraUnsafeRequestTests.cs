using System.Text.Json.Nodes;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static ConnectAddon.Tests.Jira.JiraStubs;

namespace ConnectAddon.Tests.Jira;

/// <summary>
/// A POST that may have been processed is never sent twice: its lost answer comes back as OutcomeUnknown so the sync
/// can look at what exists. A POST that Jira refused with 429 or 503 was not processed, so it is sent again.
/// </summary>
public class JiraUnsafeRequestTests
{
    private static readonly string Created = OpenApiExamples.Response("/rest/api/3/issue", "post", "201");
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

    private static JiraIssueInput NewIssue() => JiraIssueInput.ForCreate("10000", "10001", "Main order flow broken");

    [TestCase(FaultType.EMPTY_RESPONSE)]
    [TestCase(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task CreateIssue_AnswerLostInTransit_IsSentOnceAndReturnsOutcomeUnknown(FaultType fault)
    {
        jira.Given(At("POST", "/rest/api/3/issue")).RespondWith(Response.Create().WithFault(fault));

        var result = await harness.ApiTokenClient(jira).CreateIssueAsync(NewIssue());

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.OutcomeUnknown));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task CreateIssue_Answered5xxThatMayFollowProcessing_IsSentOnceAndReturnsOutcomeUnknown(int status)
    {
        jira.Given(At("POST", "/rest/api/3/issue")).RespondWith(Response.Create().WithStatusCode(status));

        var result = await harness.ApiTokenClient(jira).CreateIssueAsync(NewIssue());

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.OutcomeUnknown));
        Assert.That(result.Error.Status, Is.EqualTo(status));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AddComment_ConnectionResetAfterTheRequestArrived_IsSentOnceAndReturnsOutcomeUnknown()
    {
        using var dropping = new SilentJira();
        var client = harness.Factory.For(new Uri(dropping.Url + JiraHarness.Prefix), JiraCredentials.ApiToken(JiraHarness.Email, JiraHarness.ApiToken));

        var result = await client.AddCommentAsync("ED-1", JsonNode.Parse("""{"type":"doc","version":1,"content":[]}""")!);

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.OutcomeUnknown), result.ToString());
        Assert.That(dropping.Received, Is.EqualTo(1));
    }

    [Test]
    public async Task CreateIssue_SlowerThanTheAttemptTimeout_IsSentOnceAndReturnsOutcomeUnknown()
    {
        using var quick = new JiraHarness(new() { ["Jira:Resilience:AttemptTimeout"] = "00:00:00.200" });
        using var silent = new SilentJira(hang: true);
        var client = quick.Factory.For(new Uri(silent.Url + JiraHarness.Prefix), JiraCredentials.ApiToken(JiraHarness.Email, JiraHarness.ApiToken));

        var result = await client.CreateIssueAsync(NewIssue());

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.OutcomeUnknown), result.ToString());
        Assert.That(silent.Received, Is.EqualTo(1));
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task CreateIssue_RefusedUnprocessedThenCreated_IsSentTwiceAndSucceeds(int status)
    {
        jira.Sequence(At("POST", "/rest/api/3/issue"), JiraErrors(status, []), Json(201, Created));

        var result = await harness.ApiTokenClient(jira).CreateIssueAsync(NewIssue());

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(result.Value!.Key, Is.EqualTo("ED-24"));
        var requests = jira.Requests();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests[1].Body, Is.EqualTo(requests[0].Body), "the second POST carries the same body");
    }

    [Test]
    public async Task CreateIssue_NoConnectionPossible_ReturnsUnavailableBecauseNothingReachedJira()
    {
        // A port that was just free: the connection is refused, so Jira cannot have acted.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var client = harness.Factory.For(new Uri($"http://127.0.0.1:{port}/site-a"), JiraCredentials.ApiToken(JiraHarness.Email, JiraHarness.ApiToken));

        var result = await client.CreateIssueAsync(NewIssue());

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.Unavailable), result.ToString());
    }

    [Test]
    public async Task Search_AnswerLostThenAnswered_IsRetriedBecauseItChangesNothing()
    {
        jira.Sequence(At("POST", "/rest/api/3/search/jql"),
            Response.Create().WithStatusCode(502), Json(200, OpenApiExamples.Response("/rest/api/3/search/jql", "post", "200")));

        var result = await harness.ApiTokenClient(jira).SearchAsync(new JiraSearchRequest { Jql = "project = ED" });

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        Assert.That(jira.Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task UploadAttachment_ThrottledOnceFromASeekableStream_SendsTheWholeFileAgain()
    {
        jira.Sequence(At("POST", "/rest/api/3/issue/ED-1/attachments"),
            JiraErrors(429, []).WithHeader("Retry-After", "0"),
            Json(200, OpenApiExamples.Response("/rest/api/3/issue/{issueIdOrKey}/attachments", "post", "200")));
        var bytes = System.Text.Encoding.UTF8.GetBytes("the whole file, every time");
        using var file = new MemoryStream(bytes);

        var result = await harness.ApiTokenClient(jira).UploadAttachmentAsync("ED-1", file, "notes.txt", "text/plain");

        Assert.That(result.IsSuccess, Is.True, result.ToString());
        var requests = jira.Requests();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(requests.Select(r => System.Text.Encoding.UTF8.GetString(r.BodyAsBytes!)), Is.All.Contains("the whole file, every time"));
    }

    [Test]
    public async Task UploadAttachment_ThrottledFromAStreamThatCannotSeek_IsSentOnceAndReturnsRateLimited()
    {
        jira.Given(At("POST", "/rest/api/3/issue/ED-1/attachments")).RespondWith(JiraErrors(429, []).WithHeader("Retry-After", "0"));
        using var file = new ForwardOnlyStream(System.Text.Encoding.UTF8.GetBytes("read once"));

        var result = await harness.ApiTokenClient(jira).UploadAttachmentAsync("ED-1", file, "notes.txt");

        Assert.That(result.Error!.Kind, Is.EqualTo(JiraErrorKind.RateLimited));
        Assert.That(result.Error.RetryAfter, Is.EqualTo(TimeSpan.Zero));
        Assert.That(jira.Requests(), Has.Count.EqualTo(1));
    }
}
