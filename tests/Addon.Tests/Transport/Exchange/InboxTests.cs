using ConnectAddon.Storage;
using ConnectAddon.Tests.Support;
using ConnectAddon.TestKit;
using ConnectAddon.Transport.Exchange;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// The inbox as several public-node processes share it: a private node's exchanges may land on any of them at once
/// (a retry after a lost answer beside the first attempt). Every event is stored once, the acknowledgement never goes
/// back.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public sealed class InboxTests(TestStore store)
{
    private const string Connection = "con_inboxtests";
    private TwoProcessStore shared = null!;

    [SetUp]
    public async Task Start() => shared = await TwoProcessStore.StartAsync(store, "inbox");

    [TearDown]
    public async Task Stop() => await shared.DisposeAsync();

    private static Inbox InboxOf(Database database) => new(database, new InboxSignal(), TimeProvider.System);

    private static SyncEvent[] Events(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(n => new SyncEvent(n, $$"""{"n":{{n}}}""", 0))];

    [Test]
    public async Task OverlappingBatchesStoredByTwoProcessesAtOnce_AreEachStoredOnce_AndTheAcknowledgementOnlyGoesForward()
    {
        var (a, b) = (InboxOf(shared.First), InboxOf(shared.Second));
        var acks = new List<long>();
        for (var round = 0; round < 20; round++)
        {
            var upTo = (round + 1) * 25;
            // One process gets the whole batch so far, the other the older part of it: a repeat racing the first attempt.
            var both = await Task.WhenAll(Task.Run(() => a.StoreAsync(Connection, Events(1, upTo))), Task.Run(() => b.StoreAsync(Connection, Events(1, upTo - 10))));
            acks.Add(Math.Max(both[0], both[1]));
            acks.Add(await a.AckAsync(Connection));
        }

        Assert.That(acks, Is.Ordered, "an acknowledgement never went back");
        Assert.That(await a.AckAsync(Connection), Is.EqualTo(500));
        Assert.That(await shared.Stored.ScalarAsync<long>("SELECT COUNT(*) FROM sync_events WHERE direction = 'in'"), Is.EqualTo(500));
    }
}
