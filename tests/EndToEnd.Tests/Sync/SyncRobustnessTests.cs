using EndToEnd.Tests.Support;
using JiraSim.Connect;
using JiraSim.Faults;
using JiraSim.Model;

using Sandbox;

namespace EndToEnd.Tests.Sync;

/// <summary>
/// What Jira Cloud really does to a sync (DESIGN §7a) and what people do at the same time: webhooks late, twice and
/// out of order; 429s and 5xx; the same field edited on both sides; and the sync's own writes coming back as changes.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SyncRobustnessTests
{
    private SyncPair pair = null!;

    [OneTimeSetUp]
    // Late, doubled and reversed deliveries are played with the simulator's Connect webhooks (Forge's redeliveries: ForgeTriggerTests).
    public async Task Start() => pair = await SyncPair.StartAsync(install: AppInstall.Connect);

    [OneTimeTearDown]
    public async Task Stop() => await pair.DisposeAsync();

    [TearDown]
    public void ResetJira()
    {
        pair.Jira.Webhooks.Reset();
        pair.Jira.Faults("site-a").Clear();
        pair.Jira.Faults("site-b").Clear();
    }

    [Test]
    public async Task Webhooks_LateTwiceAndReversed_ProduceNoDuplicateIssueCommentOrAttachment()
    {
        pair.Jira.Webhooks.Twice = true;
        pair.Jira.Webhooks.Pause();
        var source = pair.CreateOnA("Noisy webhooks");
        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("one"));
        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("two"));
        pair.SiteA.AddAttachment(pair.PersonA, source, "dump.bin", "application/octet-stream", [1, 2, 3, 4]);
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Noisy webhooks");

        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("three"));
        Assert.That(pair.Jira.Webhooks.Release(HeldOrder.Reversed), Is.GreaterThan(0));
        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => twin.Comments.Count) == 3), "three comment copies on B", explain: pair.Nodes.Output);
        await pair.SettledAsync();

        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Noisy webhooks"), Has.Count.EqualTo(1), "one twin");
            Assert.That(Count(pair.SiteB, () => twin.Comments.Count), Is.EqualTo(3), "each comment once");
            Assert.That(Count(pair.SiteB, () => twin.Attachments.Count), Is.EqualTo(1), "the attachment once");
            Assert.That(Count(pair.SiteA, () => source.Comments.Count), Is.EqualTo(3), "nothing came back to A");
        });
    }

    [Test]
    public async Task JiraRateLimitsAndServerErrors_AreAbsorbed_AndEverythingArrivesOnce()
    {
        var b = pair.Jira.Faults("site-b");
        b.Add(FaultRule.RateLimited("POST /rest/api/3/issue", retryAfterSeconds: 1, times: 2));
        b.Add(FaultRule.ServerError("POST /rest/api/3/issue/{issueIdOrKey}/comment", times: 1));
        b.Add(FaultRule.ServerError("POST /rest/api/3/issue/{issueIdOrKey}/attachments", status: 503, times: 1));
        var source = pair.CreateOnA("Through the storm");
        pair.SiteA.AddComment(pair.PersonA, source, SyncPair.Adf("still here"));
        pair.SiteA.AddAttachment(pair.PersonA, source, "storm.txt", "text/plain", "rain"u8.ToArray());
        await pair.ExalateOnPublicAsync(source.Key);

        var twin = await pair.TwinOnAsync(pair.SiteB, "Through the storm");
        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => twin.Comments.Count) == 1 && Count(pair.SiteB, () => twin.Attachments.Count) == 1),
            "the comment and the attachment arrive despite the failures", explain: pair.Nodes.Output);
        await pair.SettledAsync();
        Assert.Multiple(() =>
        {
            Assert.That(SyncPair.IssuesWithSummary(pair.SiteB, "Through the storm"), Has.Count.EqualTo(1));
            Assert.That(Count(pair.SiteB, () => twin.Comments.Count), Is.EqualTo(1));
            Assert.That(Count(pair.SiteB, () => twin.Attachments.Count), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task SameFieldEditedOnBothSidesBeforeEitherArrived_ThePublicSidesValueWinsOnBothSides()
    {
        var source = pair.CreateOnA("Contested");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Contested");
        await pair.SettledAsync();

        // A's edit stays unknown to the public node (its webhook is held) while B's edit travels to A.
        pair.Jira.Webhooks.Pause();
        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Contested (A)");
        pair.SiteB.EditIssue(pair.PersonB, twin, summary: "Contested (B)");
        await Eventually.HoldsAsync(async () => (long)(await pair.PrivateSyncAsync())["queuedForPeer"]! == 0 && Count(pair.SiteB, () => twin.Summary) == "Contested (B)",
            "B's edit was sent", explain: pair.Nodes.Output);
        await Eventually.HoldsAsync(async () => (long)(await pair.PublicSyncAsync())["waitingToApply"]! == 0, "the public node handled B's edit", explain: pair.Nodes.Output);
        pair.Jira.Webhooks.Release();

        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => twin.Summary) == "Contested (A)"), "B took A's value", explain: pair.Nodes.Output);
        await pair.SettledAsync();
        Assert.Multiple(() =>
        {
            Assert.That(Count(pair.SiteA, () => source.Summary), Is.EqualTo("Contested (A)"));
            Assert.That(Count(pair.SiteB, () => twin.Summary), Is.EqualTo("Contested (A)"));
        });
    }

    [Test]
    public async Task EchoOfTheSyncsOwnWrite_IsNeverSentBack_NoWritesOnTheSource()
    {
        var source = pair.CreateOnA("Echo chamber");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Echo chamber");
        await pair.SettledAsync();

        pair.SiteA.Requests.Reset();
        pair.SiteB.Requests.Reset();
        pair.SiteA.EditIssue(pair.PersonA, source, summary: "Echo chamber, once");
        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => twin.Summary) == "Echo chamber, once"), "the edit reached B", explain: pair.Nodes.Output);
        // The private node's next poll finds its own write and reads the issue once: that is the echo.
        await Eventually.HoldsAsync(() => Task.FromResult(pair.SiteB.Requests["GET /rest/api/3/issue/{issueIdOrKey}"] >= 1), "B's echo was read", explain: pair.Nodes.Output);
        await pair.SettledAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Writes(pair.SiteA), Is.Empty, "no write on A: the echo was not sent back");
            Assert.That(Writes(pair.SiteB), Is.EqualTo(new Dictionary<string, int> { ["PUT /rest/api/3/issue/{issueIdOrKey}"] = 1 }), "one write on B: the edit");
            Assert.That(pair.SiteA.Requests["GET /rest/api/3/issue/{issueIdOrKey}"], Is.EqualTo(1), "one read of the changed issue on A");
        });
    }

    [Test]
    public async Task AFailingIssue_BlocksOnlyItself_ItsLaterChangesWait_AndRetryAppliesThemInOrder()
    {
        var stuck = pair.CreateOnA("Stuck on comments");
        await pair.ExalateOnPublicAsync(stuck.Key);
        var stuckTwin = await pair.TwinOnAsync(pair.SiteB, "Stuck on comments");
        await pair.SettledAsync();

        // Site B refuses every new comment (a 400 is not retried by the client: the apply fails and is recorded).
        pair.Jira.Faults("site-b").Add(new FaultRule("POST /rest/api/3/issue/{issueIdOrKey}/comment", Status: 400, Times: 1000));
        pair.SiteA.AddComment(pair.PersonA, stuck, SyncPair.Adf("refused at first"));
        await Eventually.HoldsAsync(async () => (await pair.PrivateSyncAsync())["errors"]!.AsArray().Any(e => (string?)e!["issueKey"] == stuck.Key),
            "the private side shows the issue's error", explain: pair.Nodes.Output);
        pair.SiteA.EditIssue(pair.PersonA, stuck, summary: "Stuck on comments, renamed");

        var other = pair.CreateOnA("Flows past the stuck one");
        await pair.ExalateOnPublicAsync(other.Key);
        await pair.TwinOnAsync(pair.SiteB, "Flows past the stuck one");
        Assert.That(Count(pair.SiteB, () => stuckTwin.Summary), Is.EqualTo("Stuck on comments"), "the stuck issue's later change waits behind its failing one");

        pair.Jira.Faults("site-b").Clear();
        var error = (await pair.PrivateSyncAsync())["errors"]!.AsArray().First(e => (string?)e!["issueKey"] == stuck.Key)!;
        using (var retried = await pair.Console.PostAsync($"api/console/connections/{pair.ConnectionId}/errors/in/{(string)error["issueRef"]!}/retry", null))
            Assert.That((int)retried.StatusCode, Is.EqualTo(204));
        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => stuckTwin.Summary == "Stuck on comments, renamed" && stuckTwin.Comments.Count == 1)),
            "after Retry the comment and then the rename arrive", explain: pair.Nodes.Output);
        await pair.SettledAsync();
        Assert.That((await pair.PrivateSyncAsync())["errors"]!.AsArray(), Is.Empty, "the error is gone");
    }

    [Test]
    public async Task DeactivatedConnection_QueuesChangesBothWays_AndDeliversThemOnceActivatedAgain()
    {
        var source = pair.CreateOnA("Paused connection");
        await pair.ExalateOnPublicAsync(source.Key);
        var twin = await pair.TwinOnAsync(pair.SiteB, "Paused connection");
        await pair.SettledAsync();

        using (var admin = pair.PublicAdmin())
        using (var deactivated = await admin.PostAsync($"api/admin/connections/{pair.ConnectionId}/deactivate", null))
            Assert.That((int)deactivated.StatusCode, Is.EqualTo(200), await deactivated.Content.ReadAsStringAsync());
        try
        {
            pair.SiteA.EditIssue(pair.PersonA, source, summary: "Paused connection, renamed on A");
            pair.SiteB.EditIssue(pair.PersonB, twin, description: pair.TextOnB("Described on B while paused"), setDescription: true);
            await Eventually.HoldsAsync(async () => (long)(await pair.PublicSyncAsync())["queuedForPeer"]! > 0 && (long)(await pair.PrivateSyncAsync())["queuedForPeer"]! > 0,
                "both changes are queued", explain: pair.Nodes.Output);
            Assert.Multiple(() =>
            {
                Assert.That(Count(pair.SiteB, () => twin.Summary), Is.EqualTo("Paused connection"), "nothing reached B while deactivated");
                Assert.That(Count(pair.SiteA, () => source.Description!.ToJsonString()), Does.Not.Contain("while paused"), "nothing reached A while deactivated");
            });
        }
        finally
        {
            using var admin = pair.PublicAdmin();
            using var activated = await admin.PostAsync($"api/admin/connections/{pair.ConnectionId}/activate", null);
            Assert.That((int)activated.StatusCode, Is.EqualTo(200), await activated.Content.ReadAsStringAsync());
        }
        await Eventually.HoldsAsync(() => Task.FromResult(Count(pair.SiteB, () => twin.Summary) == "Paused connection, renamed on A"
                                                          && Count(pair.SiteA, () => source.Description!.ToJsonString()).Contains("while paused")),
            "both changes arrive once the connection is active again", explain: pair.Nodes.Output);
    }

    /// <summary>Requests that change something (a JQL search is a POST that changes nothing).</summary>
    private static Dictionary<string, int> Writes(SimSite site) =>
        site.Requests.Snapshot().Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Key != "POST /rest/api/3/search/jql")
            .ToDictionary(r => r.Key, r => r.Value);

    private static T Count<T>(SimSite site, Func<T> read)
    {
        lock (site.Sync)
            return read();
    }
}
