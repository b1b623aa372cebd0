using JiraSim.Connect;

namespace JiraSim.Tests.Connect;

/// <summary>Jira's retry policy: 408, 409, 425, 429, 5xx and no connection are retried with the same identifier; nothing else is.</summary>
public class WebhookRetryTests : InstalledAppTest
{
    private static readonly string IssueCreated = RecordingApp.WebhookPath("jira:issue_created");

    [SetUp]
    public void ShortRetries() => jira.Webhooks.RetryPolicy = new WebhookRetryPolicy { FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxAttempts = 4 };

    [Test]
    public async Task AppAnswers503Then204_RetriedWithTheSameIdentifier_AndStopsOnSuccess()
    {
        app.AnswerNext(IssueCreated, 503);
        CreateIssue();

        var attempts = await WebhooksAsync("jira:issue_created");

        Assert.That(attempts.Select(a => a.Answer), Is.EqualTo(new[] { 503, 204 }));
        Assert.That(attempts.Select(a => a.WebhookIdentifier).Distinct().Count(), Is.EqualTo(1));
        Assert.That(attempts.Select(a => a.Header("X-Atlassian-Webhook-Retry")), Is.EqualTo(new[] { null, "1" }));
        Assert.That(attempts.Select(a => a.Body).Distinct().Count(), Is.EqualTo(1), "a retry sends the same body");
        Assert.That(jira.Webhooks.Log.Entries.Where(e => e.Event == "jira:issue_created").Select(e => e.Outcome),
            Is.EqualTo(new[] { WebhookOutcome.Retrying, WebhookOutcome.Delivered }));
    }

    [TestCase(408)]
    [TestCase(409)]
    [TestCase(425)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(502)]
    public async Task AppAnswersARetryableStatus_ItIsRetried(int status)
    {
        app.AnswerNext(IssueCreated, status, status);
        CreateIssue();

        var attempts = await WebhooksAsync("jira:issue_created");

        Assert.That(attempts.Select(a => a.Answer), Is.EqualTo(new[] { status, status, 204 }));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(410)]
    [TestCase(413)]
    public async Task AppAnswersAnotherClientError_ItIsNotRetried(int status)
    {
        app.AnswerNext(IssueCreated, status);
        CreateIssue();

        var attempts = await WebhooksAsync("jira:issue_created");

        Assert.That(attempts.Select(a => a.Answer), Is.EqualTo(new[] { status }));
        Assert.That(jira.Webhooks.Log.Entries.Single(e => e.Event == "jira:issue_created").Outcome, Is.EqualTo(WebhookOutcome.Refused));
    }

    [Test]
    public async Task AppKeepsFailing_GivesUpAfterTheLastAttempt()
    {
        app.AnswerNext(IssueCreated, 500, 500, 500, 500, 500);
        CreateIssue();

        var attempts = await WebhooksAsync("jira:issue_created");

        Assert.That(attempts, Has.Count.EqualTo(4));
        Assert.That(jira.Webhooks.Log.Entries.Last(e => e.Event == "jira:issue_created").Outcome, Is.EqualTo(WebhookOutcome.GaveUp));
    }

    [Test]
    public async Task AppUnreachable_RetriedUntilTheLastAttempt_ThenGivenUp()
    {
        await app.StopAsync();
        CreateIssue();

        await jira.Webhooks.WhenIdleAsync(Generous);
        var log = jira.Webhooks.Log.Entries.Where(e => e.Event == "jira:issue_created").ToList();

        Assert.That(log.Select(e => e.Attempt), Is.EqualTo(new[] { 1, 2, 3, 4 }));
        Assert.That(log.Select(e => e.Status), Is.All.Null);
        Assert.That(log.Select(e => e.Error), Is.All.Not.Empty);
        Assert.That(log[^1].Outcome, Is.EqualTo(WebhookOutcome.GaveUp));
        Assert.That(log.Select(e => e.Identifier).Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task AppSlowerThanTheTimeout_TheAttemptCountsAsFailed_AndIsRetried()
    {
        jira.Webhooks.RetryPolicy = jira.Webhooks.RetryPolicy with { Timeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 2 };
        app.Stall(IssueCreated);
        CreateIssue();

        await jira.Webhooks.WhenIdleAsync(Generous);
        app.Unstall();
        var log = jira.Webhooks.Log.Entries.Where(e => e.Event == "jira:issue_created").ToList();

        Assert.That(log.Select(e => e.Outcome), Is.EqualTo(new[] { WebhookOutcome.Retrying, WebhookOutcome.GaveUp }));
        Assert.That(log[0].Error, Does.Contain("no answer within"));
    }
}
