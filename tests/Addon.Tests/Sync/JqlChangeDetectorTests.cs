using JiraSim.Faults;
using static ConnectAddon.Tests.Sync.CaptureHarness;

namespace ConnectAddon.Tests.Sync;

/// <summary>
/// The private node's change capture, one poll at a time, against the simulated Jira with clocks moved by the test:
/// every change of an issue in the connection's project is marked dirty exactly once.
/// </summary>
public class JqlChangeDetectorTests
{
    private CaptureHarness harness = null!;

    [TearDown]
    public async Task Stop() => await harness.DisposeAsync();

    [Test]
    public async Task Poll_CreatedAndEditedIssues_AreMarkedDirtyExactlyOncePerChange()
    {
        harness = await StartAsync();
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();
        var first = harness.CreateIssue("Printer on fire");
        var second = harness.CreateIssue("Coffee machine empty");

        var found = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromSeconds(30));
        var again = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromMinutes(1));
        harness.Edit(second, "Coffee machine empty again");
        var edited = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromMinutes(5));
        var later = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That((found.Detected, again.Detected, edited.Detected, later.Detected), Is.EqualTo((2, 0, 1, 0)));
        Assert.That(await harness.DirtyAsync(connection), Is.EquivalentTo(new Dictionary<string, long> { [first.Id] = 1, [second.Id] = 2 }));
    }

    [Test]
    public async Task Poll_IssueEditedTwiceWithinOneMinute_ReportsBothChanges()
    {
        harness = await StartAsync();
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();
        var issue = harness.CreateIssue("Printer on fire");
        await PolledAsync(detector.PollAsync(connection, default));

        harness.Advance(TimeSpan.FromSeconds(10));
        harness.Edit(issue, "Printer still on fire");
        var firstEdit = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromSeconds(10));
        harness.Edit(issue, "Printer extinguished");
        var secondEdit = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That((firstEdit.Detected, secondEdit.Detected), Is.EqualTo((1, 1)));
        Assert.That((await harness.DirtyAsync(connection))[issue.Id], Is.EqualTo(3), "created, edited, edited again");
    }

    [Test]
    public async Task Poll_ManyIssuesSharingOneUpdatedAcrossPages_ReportsEachOnce()
    {
        harness = await StartAsync(pageSize: 50);
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();
        var issues = Enumerable.Range(1, 120).Select(i => harness.CreateIssue("Same instant " + i)).ToList();

        var found = await PolledAsync(detector.PollAsync(connection, default));
        // Still the same instant on Jira's clock: one more issue with the very timestamp the cursor stands on.
        var straggler = harness.CreateIssue("Same instant, after the poll");
        var next = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That((found.Detected, found.Pages, next.Detected), Is.EqualTo((120, 3, 1)));
        var dirty = await harness.DirtyAsync(connection);
        Assert.That(dirty.Keys, Is.EquivalentTo(issues.Append(straggler).Select(i => i.Id)));
        Assert.That(dirty.Values, Is.All.EqualTo(1));
    }

    [TestCase(+1, TestName = "Poll_JiraClockAMinuteAhead_MissesNothingAndRepeatsNothing")]
    [TestCase(-1, TestName = "Poll_JiraClockAMinuteBehind_MissesNothingAndRepeatsNothing")]
    public async Task Poll_JiraClockDiffersFromOurs_MissesNothingAndRepeatsNothing(int jiraAheadMinutes)
    {
        harness = await StartAsync(jiraAhead: TimeSpan.FromMinutes(jiraAheadMinutes));
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();

        var atAcceptance = harness.CreateIssue("Right after the connection was accepted");
        var first = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromSeconds(50));
        var withinTheMinute = harness.CreateIssue("Within the same minute");
        harness.Edit(atAcceptance, "Edited");
        var second = await PolledAsync(detector.PollAsync(connection, default));
        harness.Advance(TimeSpan.FromMinutes(3));
        var quiet = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That((first.Detected, second.Detected, quiet.Detected), Is.EqualTo((1, 2, 0)));
        Assert.That(await harness.DirtyAsync(connection), Is.EquivalentTo(new Dictionary<string, long> { [atAcceptance.Id] = 2, [withinTheMinute.Id] = 1 }));
    }

    [Test]
    public async Task Poll_AfterRestartOnTheSameDatabase_NeitherRepeatsNorLoses()
    {
        harness = await StartAsync();
        var connection = await harness.AddConnectionAsync();
        var before = Enumerable.Range(1, 3).Select(i => harness.CreateIssue("Before " + i)).ToList();
        await PolledAsync(harness.Detector().PollAsync(connection, default));

        // Down for a while; meanwhile an issue is edited and another created, some in the minute the cursor stands on.
        harness.Advance(TimeSpan.FromSeconds(20));
        harness.Edit(before[0], "Edited while the node was down");
        var whileDown = harness.CreateIssue("Created while the node was down");
        var restarted = await PolledAsync(harness.Detector().PollAsync(connection, default));

        Assert.That(restarted.Detected, Is.EqualTo(2));
        Assert.That(await harness.DirtyAsync(connection), Is.EquivalentTo(new Dictionary<string, long>
        {
            [before[0].Id] = 2, [before[1].Id] = 1, [before[2].Id] = 1, [whileDown.Id] = 1,
        }));
    }

    [Test]
    public async Task Poll_IdleConnection_CostsOneSearchRequest()
    {
        harness = await StartAsync();
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();
        harness.CreateIssue("Printer on fire");
        await PolledAsync(detector.PollAsync(connection, default));
        harness.JiraSite.Requests.Reset();

        harness.Advance(TimeSpan.FromSeconds(10));
        var idle = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That(idle.Detected, Is.Zero);
        Assert.That(harness.JiraSite.Requests.Snapshot(), Is.EquivalentTo(new Dictionary<string, int> { ["POST /rest/api/3/search/jql"] = 1 }));
    }

    [Test]
    public async Task Poll_JiraFailing_ReportsTheErrorAndCatchesUpOnceJiraAnswers()
    {
        harness = await StartAsync();
        var connection = await harness.AddConnectionAsync();
        var detector = harness.Detector();
        await PolledAsync(detector.PollAsync(connection, default));
        var issue = harness.CreateIssue("Filed while Jira's search fails");
        harness.Jira.Faults(Site).Add(FaultRule.ServerError("POST /rest/api/3/search/jql", 500, times: 1));

        var failed = await detector.PollAsync(connection, default);
        var recovered = await PolledAsync(detector.PollAsync(connection, default));

        Assert.That(failed.Error?.Status, Is.EqualTo(500));
        Assert.That(recovered.Detected, Is.EqualTo(1));
        Assert.That(await harness.DirtyAsync(connection), Is.EquivalentTo(new Dictionary<string, long> { [issue.Id] = 1 }));
    }
}
