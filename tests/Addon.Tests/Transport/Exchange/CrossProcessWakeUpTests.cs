using System.Text.Json.Nodes;
using ConnectAddon.Connect.Webhooks;
using ConnectAddon.TestKit;
using ConnectAddon.Transport.Exchange;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// Two public-node processes on one PostgreSQL database (two apps here, each with its own signals and connections):
/// what one queues wakes the other at once, through LISTEN/NOTIFY. Their re-reads are set to a minute, longer than
/// the private node's wait, so only the notification can answer in time.
/// </summary>
public sealed class CrossProcessWakeUpTests
{
    private static readonly Dictionary<string, string?> SlowRecheck = new() { ["Exchange:HeldRecheck"] = "00:01:00" };
    private PublicExchange holder = null!;
    private AddonHost other = null!;

    [SetUp]
    public async Task Start()
    {
        holder = await PublicExchange.StartAsync(TestStore.Postgres, SlowRecheck);
        other = new AddonHost(SlowRecheck, database: holder.Node.Host.Database);
        _ = other.Services;
    }

    [TearDown]
    public async Task Stop()
    {
        other.Dispose();
        await holder.DisposeAsync();
    }

    [Test]
    public async Task AnEventQueuedByAnotherProcess_AnswersTheExchangeHeldByThisOne()
    {
        var (id, key) = await holder.ConnectAsync();
        var held = holder.ExchangeAsync(id, key, PublicExchange.Body(0, waitSeconds: 50));
        await Eventually.HoldsAsync(() => Task.FromResult(holder.Node.Host.Logs.All.Contains($"Exchange of {id} held")),
            "the exchange read the empty outbox and is held");

        await other.Services.GetRequiredService<Outbox>().EnqueueAsync(id, ExchangePair.Payload(7));

        // Well before the 50 s wait ends (when the request re-reads the outbox once more and would find it anyway).
        Assert.That(await Task.WhenAny(held, Task.Delay(TimeSpan.FromSeconds(40))), Is.SameAs(held), "answered by the other process's notification, before the wait ended");
        Assert.That((await held)["events"]!.AsArray().Select(e => e!["seq"]!.GetValue<long>()), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task AnIssueMarkedDirtyByAnotherProcess_WakesThisProcessesSyncWorker()
    {
        var signal = holder.Node.App.Services.GetRequiredService<DirtyIssueSignal>();
        // Both listening (each says so in pg_stat_activity), and the wake-up each gives itself on starting to listen taken.
        await Eventually.HoldsAsync(async () => await holder.Node.Host.Database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN addon_wake'") == 2,
            "both processes listen");
        while (await signal.WaitAsync(TimeSpan.Zero, default)) { }

        other.Services.GetRequiredService<DirtyIssueSignal>().Notify();

        Assert.That(await signal.WaitAsync(TimeSpan.FromSeconds(30), default), Is.True, "woken by the other process, not by the 30 s fallback");
    }
}
