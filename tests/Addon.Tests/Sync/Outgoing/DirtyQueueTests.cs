using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Storage;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Sync.Outgoing;

/// <summary>
/// The changed-issue queue as several processes of one deployment use it (each its own <see cref="Database"/> and
/// queue on the same store): they share the work without reading an issue twice at once, a crashed holder's claim
/// comes free when its lease ends, and a holder that lost its lease cannot complete what another now holds.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class DirtyQueueTests(TestStore store)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private const string Tenant = "client-queue";
    private TwoProcessStore shared = null!;
    private ManualClock clock = null!;

    [SetUp]
    public async Task Start()
    {
        shared = await TwoProcessStore.StartAsync(store, "dirty_queue");
        clock = new ManualClock(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public async Task Stop() => await shared.DisposeAsync();


    private DirtyQueue QueueOf(Database database) => new(database, new DirtyIssueSignal(), clock);

    [Test]
    public async Task TwoProcessesClaimingAtOnce_ShareTheQueue_AndNoIssueIsClaimedByBoth()
    {
        var (a, b) = (QueueOf(shared.First), QueueOf(shared.Second));
        for (var n = 1; n <= 300; n++)
            await a.MarkForTenantAsync(Tenant, $"{10000 + n}", $"ACME-{n}", "jira:issue_updated", default);

        async Task<List<string>> Drain(DirtyQueue queue)
        {
            var mine = new List<string>();
            while (await queue.ClaimAsync(7, Lease, default) is { Count: > 0 } claimed)
                mine.AddRange(claimed.Select(c => c.IssueId));
            return mine;
        }
        var both = await Task.WhenAll(Task.Run(() => Drain(a)), Task.Run(() => Drain(b)));

        Assert.That(both[0].Intersect(both[1]), Is.Empty, "an issue claimed by both processes");
        Assert.That(both[0].Concat(both[1]).Order(), Is.EqualTo(Enumerable.Range(10001, 300).Select(n => $"{n}")), "every issue claimed once");
    }

    [Test]
    public async Task AClaimWhoseHolderStopped_ComesFreeWhenItsLeaseEnds_AndTheOldHolderCannotCompleteIt()
    {
        var (crashed, next) = (QueueOf(shared.First), QueueOf(shared.Second));
        await crashed.MarkForTenantAsync(Tenant, "10001", "ACME-1", "jira:issue_updated", default);
        var old = (await crashed.ClaimAsync(10, Lease, default)).Single();

        Assert.That(await next.ClaimAsync(10, Lease, default), Is.Empty, "leased to the first process");
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var taken = (await next.ClaimAsync(10, Lease, default)).Single();
        Assert.That(taken.LeaseToken, Is.Not.EqualTo(old.LeaseToken));

        await crashed.CompleteAsync(old, default); // the stale holder comes back: its token no longer holds
        Assert.That(await RowAsync(), Is.EqualTo((taken.LeaseToken, 1L)), "the new holder's claim stands");
        await next.CompleteAsync(taken, default);
        Assert.That(await shared.Stored.ScalarAsync<long>("SELECT COUNT(*) FROM dirty_issues"), Is.Zero);
    }

    [Test]
    public async Task AnIssueThatChangesAgainWhileClaimed_IsReleasedForTheNextPass_NotDeleted()
    {
        var queue = QueueOf(shared.First);
        await queue.MarkForTenantAsync(Tenant, "10001", "ACME-1", "jira:issue_updated", default);
        var claimed = (await queue.ClaimAsync(10, Lease, default)).Single();
        await QueueOf(shared.Second).MarkForTenantAsync(Tenant, "10001", "ACME-1", "jira:issue_updated", default);

        await queue.CompleteAsync(claimed, default);

        Assert.That(await RowAsync(), Is.EqualTo(((string?)null, 2L)), "kept, free, with the second change counted");
        Assert.That((await queue.ClaimAsync(10, Lease, default)).Single().ChangeSeq, Is.EqualTo(2));
    }

    [Test]
    public async Task ALiveChange_IsClaimedBeforeEveryBulkMark_EvenOneMarkedAfterAThousandOfAnotherTenantsRun()
    {
        var queue = QueueOf(shared.First);
        for (var n = 1; n <= 1000; n++)
            await queue.MarkForTenantAsync(Tenant, $"{10000 + n}", $"ACME-{n}", "bulk", default);
        clock.Advance(TimeSpan.FromSeconds(1));
        await queue.MarkForTenantAsync("client-other", "20001", "GLX-1", "jira:issue_updated", default);

        var first = await QueueOf(shared.Second).ClaimAsync(4, Lease, default);

        Assert.That(first.Select(c => c.IssueId), Does.Contain("20001"), "the other tenant's edit waits for no bulk mark");
        Assert.That(first, Has.Count.EqualTo(4), "bulk marks fill the rest of the batch");
    }

    [Test]
    public async Task WhileATenantsQuotaIsLow_ItsBulkMarksWait_ItsLiveChangesAndOtherTenantsGo()
    {
        const string Other = "client-other";
        foreach (var (client, url) in new[] { (Tenant, "https://acme.atlassian.net/"), (Other, "https://globex.atlassian.net") })
            await shared.Stored.ExecuteAsync("""
                INSERT INTO tenants (client_key, app_key, base_url, shared_secret, installed_at_ms, updated_at_ms)
                VALUES (@client, 'app', @url, 'secret', 0, 0)
                """, new { client, url });
        var queue = QueueOf(shared.First);
        await queue.MarkForTenantAsync(Tenant, "10001", "ACME-1", "bulk", default);
        await queue.MarkForTenantAsync(Tenant, "10002", "ACME-2", "jira:issue_updated", default);
        await queue.MarkForTenantAsync(Other, "20001", "GLX-1", "bulk", default);

        // JiraTarget.SiteKey: the base URL without its trailing slash, in lower case.
        var acmeLow = new BulkHold(false, ["https://acme.atlassian.net"]);
        var first = await queue.ClaimAsync(10, Lease, acmeLow, default);
        Assert.That(first.Select(c => c.IssueId).Order(), Is.EqualTo(new[] { "10002", "20001" }), "ACME's live change and the other tenant's bulk mark");

        var allLow = await QueueOf(shared.Second).ClaimAsync(10, Lease, new BulkHold(true, []), default);
        Assert.That(allLow, Is.Empty, "the one quota of all sites is low: no bulk mark goes");
        var afterReset = await QueueOf(shared.Second).ClaimAsync(10, Lease, BulkHold.None, default);
        Assert.That(afterReset.Select(c => c.IssueId), Is.EqualTo(new[] { "10001" }), "after the reset the held mark goes");
    }

    private async Task<(string? Token, long ChangeSeq)> RowAsync() =>
        (await shared.Stored.QueryAsync<(string?, long)>("SELECT lease_token, change_seq FROM dirty_issues")).Single();
}
