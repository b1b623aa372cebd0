using JiraSim.Connect;

namespace JiraSim.Tests.Connect;

/// <summary>Webhooks as Jira really delivers them (DESIGN §7a): twice, late, out of order, or never.</summary>
public class WebhookSwitchTests : InstalledAppTest
{
    [Test]
    public async Task Twice_EachDeliveryArrivesTwiceWithTheSameIdentifierAndBody()
    {
        jira.Webhooks.Twice = true;
        CreateIssue();

        var received = await WebhooksAsync("jira:issue_created");

        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received.Select(r => r.WebhookIdentifier).Distinct().Count(), Is.EqualTo(1));
        Assert.That(received[0].Body, Is.EqualTo(received[1].Body));
    }

    [Test]
    public async Task Pause_HoldsDeliveries_ReleaseSendsThemInTheOrderOfTheChanges()
    {
        var issue = CreateIssue("v0");
        await jira.Webhooks.WhenIdleAsync(Generous);
        jira.Webhooks.Pause();
        for (var i = 1; i <= 3; i++)
            Site.EditIssue(User, issue, summary: "v" + i);

        await jira.Webhooks.WhenIdleAsync(Generous);
        var whilePaused = app.Webhooks("jira:issue_updated").Count;
        var released = jira.Webhooks.Release();

        Assert.That((whilePaused, jira.Webhooks.HeldCount, released), Is.EqualTo((0, 0, 3)));
        Assert.That(await Summaries(), Is.EqualTo(new[] { "v1", "v2", "v3" }));
    }

    [Test]
    public async Task ReleaseReversed_DeliversOutOfOrder()
    {
        var issue = CreateIssue("v0");
        jira.Webhooks.Pause();
        for (var i = 1; i <= 3; i++)
            Site.EditIssue(User, issue, summary: "v" + i);

        jira.Webhooks.Release(HeldOrder.Reversed);

        Assert.That(await Summaries(), Is.EqualTo(new[] { "v3", "v2", "v1" }));
    }

    [Test]
    public async Task ReleaseShuffled_DeliversEveryHeldWebhookOnce()
    {
        var issue = CreateIssue("v0");
        jira.Webhooks.Pause();
        for (var i = 1; i <= 10; i++)
            Site.EditIssue(User, issue, summary: "v" + i);

        jira.Webhooks.Release(HeldOrder.Shuffled);

        Assert.That(await Summaries(), Is.EquivalentTo(Enumerable.Range(1, 10).Select(i => "v" + i)));
    }

    [Test]
    public async Task Delay_DeliversNoSoonerThanTheDelay()
    {
        var delay = TimeSpan.FromMilliseconds(700);
        jira.Webhooks.Delay = delay;
        var changedAt = DateTimeOffset.UtcNow;
        CreateIssue();
        var rightAfter = app.Webhooks().Count;

        await jira.Webhooks.WhenIdleAsync(Generous);
        var delivered = jira.Webhooks.Log.Delivered("jira:issue_created").Single();

        Assert.That(rightAfter, Is.Zero);
        Assert.That(delivered.At - changedAt, Is.GreaterThanOrEqualTo(delay));
    }

    [Test]
    public async Task DropNext_LosesThatDelivery_AndTheNextOnesArrive()
    {
        jira.Webhooks.DropNext(1, "jira:issue_created");
        var lost = CreateIssue("lost");
        CreateIssue("arrives");

        var received = await WebhooksAsync("jira:issue_created");
        var dropped = jira.Webhooks.Log.Entries.Single(e => e.Outcome == WebhookOutcome.Dropped);

        Assert.That(received.Select(r => r.Json["issue"]!["fields"]!["summary"]!.GetValue<string>()), Is.EqualTo(new[] { "arrives" }));
        Assert.That(dropped.Body, Does.Contain(lost.Id));
    }

    [Test]
    public async Task Reset_TurnsEverySwitchOff_AndReleasesWhatWasHeld()
    {
        jira.Webhooks.Twice = true;
        jira.Webhooks.Pause();
        CreateIssue();

        jira.Webhooks.Reset();
        CreateIssue();

        Assert.That(await WebhooksAsync("jira:issue_created"), Has.Count.EqualTo(3), "the held pair, then one");
        Assert.That((jira.Webhooks.Twice, jira.Webhooks.IsPaused), Is.EqualTo((false, false)));
    }

    private async Task<IEnumerable<string>> Summaries() =>
        (await WebhooksAsync("jira:issue_updated")).Select(w => w.Json["issue"]!["fields"]!["summary"]!.GetValue<string>());
}
