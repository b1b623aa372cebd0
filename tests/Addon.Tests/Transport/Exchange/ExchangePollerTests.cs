using ConnectAddon.Tests.Support;
using System.Diagnostics;
using ConnectAddon.Tests.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// The private node's poller against a real public node (both in-process), on a connection made by the real invitation
/// flow: events flow both ways and leave the sender only once acknowledged, lost answers cost nothing, an idle
/// connection answers at once, and a connection deleted on the public node stops the poller.
/// </summary>
public class ExchangePollerTests
{
    private static IEnumerable<string> Payloads(params int[] ns) => ns.Select(ExchangePair.Payload);

    [Test]
    public async Task EventsQueuedOnEitherSide_ArriveInOrder_AndLeaveTheSenderOnlyOnceAcknowledged()
    {
        await using var pair = await ExchangePair.StartAsync();

        for (var n = 1; n <= 3; n++)
        {
            await pair.PublicOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(n));
            await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(10 + n));
        }

        await Eventually.HoldsAsync(async () => (await pair.PrivateEventsAsync("in")).Count == 3 && (await pair.PublicEventsAsync("in")).Count == 3,
            "three events stored on each side");
        Assert.That(await pair.PrivateEventsAsync("in"), Is.EqualTo(Payloads(1, 2, 3)));
        Assert.That(await pair.PublicEventsAsync("in"), Is.EqualTo(Payloads(11, 12, 13)));
        await Eventually.HoldsAsync(async () => (await pair.PublicEventsAsync("out")).Count == 0 && (await pair.PrivateEventsAsync("out")).Count == 0,
            "both outboxes emptied by the acknowledgements");
    }

    [Test]
    public async Task LostAnswers_EventsAreSentAgain_AndStoredOnceOnEachSide()
    {
        await using var pair = await ExchangePair.StartAsync();
        pair.Faults.LoseAnswersWithEvents = 2;

        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));
        await pair.PublicOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(2));

        await Eventually.HoldsAsync(async () => (await pair.PublicEventsAsync("out")).Count == 0 && (await pair.PrivateEventsAsync("out")).Count == 0,
            "both events delivered and acknowledged");
        Assert.That(pair.Faults.Lost, Is.EqualTo(2), "two answers were lost after the public node acted on the request");
        Assert.That(await pair.PublicEventsAsync("in"), Is.EqualTo(Payloads(1)));
        Assert.That(await pair.PrivateEventsAsync("in"), Is.EqualTo(Payloads(2)));
    }

    [Test]
    public async Task IdleConnection_EventQueuedOnThePublicNode_ArrivesLongBeforeTheLongPollExpires()
    {
        await using var pair = await ExchangePair.StartAsync(new() { ["PrivateNode:Exchange:WaitSeconds"] = "30" });
        await Eventually.HoldsAsync(async () => await ExchangePair.ScalarAsync<long?>(pair.Public.Host.Database,
            "SELECT last_polled_at_ms FROM connections WHERE id = @id", new { id = pair.ConnectionId }) is not null, "the poller's first long-poll arrived");

        var watch = Stopwatch.StartNew();
        await pair.PublicOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));

        await Eventually.HoldsAsync(async () => (await pair.PrivateEventsAsync("in")).Count == 1, "the event stored on the private node",
            TimeSpan.FromSeconds(10));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered by the event, not by the 30 s wait");
    }

    [Test]
    public async Task IdleConnection_EventQueuedOnThePrivateNode_IsSentWithoutWaitingForTheLongPoll()
    {
        await using var pair = await ExchangePair.StartAsync(new() { ["PrivateNode:Exchange:WaitSeconds"] = "30" });
        await Eventually.HoldsAsync(async () => await ExchangePair.ScalarAsync<long?>(pair.Public.Host.Database,
            "SELECT last_polled_at_ms FROM connections WHERE id = @id", new { id = pair.ConnectionId }) is not null, "the poller's first long-poll arrived");

        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));

        await Eventually.HoldsAsync(async () => (await pair.PublicEventsAsync("in")).Count == 1, "the event stored on the public node",
            TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task ConnectionDeletedOnThePublicNode_StopsThePoller_AndShowsWhyOnThePrivateNode()
    {
        await using var pair = await ExchangePair.StartAsync(new() { ["PrivateNode:Exchange:WaitSeconds"] = "1" });
        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));
        await Eventually.HoldsAsync(async () => (await pair.PublicEventsAsync("in")).Count == 1, "the connection works");

        (await pair.Public.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{pair.ConnectionId}")).Dispose();

        await Eventually.HoldsAsync(async () => await ExchangePair.ScalarAsync<long?>(pair.PrivateHost.Database,
            "SELECT peer_deleted_at_ms FROM connections WHERE id = @id", new { id = pair.ConnectionId }) is not null, "the private node learnt of the deletion");
        Assert.That(await ExchangePair.ScalarAsync<string>(pair.PrivateHost.Database,
            "SELECT status || ': ' || status_reason FROM connections WHERE id = @id", new { id = pair.ConnectionId }),
            Is.EqualTo("error: The public node deleted this connection."));

        // Stopped: events queued afterwards stay queued, and no exchange follows the one that was told.
        var exchanges = pair.Faults.Exchanges;
        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(2));
        var polledBefore = await pair.Public.ScalarAsync<long>("SELECT last_polled_at_ms FROM connections WHERE id = @id", new { id = pair.ConnectionId });
        Assert.That(pair.Faults.Exchanges, Is.EqualTo(exchanges));
        Assert.That(await pair.PrivateEventsAsync("out"), Is.EqualTo(Payloads(2)));
        Assert.That(polledBefore, Is.Positive);
    }

    [Test]
    public async Task ConnectionKeyAndTokens_NeverAppearInThePrivateNodesLog()
    {
        await using var pair = await ExchangePair.StartAsync();
        pair.Faults.LoseAnswersWithEvents = 1; // a failure, which is logged
        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));
        await Eventually.HoldsAsync(async () => (await pair.PrivateEventsAsync("out")).Count == 0, "the event delivered");

        var stored = await ExchangePair.ScalarAsync<string>(pair.PrivateHost.Database, "SELECT connection_key FROM connections");
        var key = pair.PrivateApp.Services.GetRequiredService<ConnectAddon.Connections.ConnectionKeyProtector>().Unprotect(stored!);
        Assert.That(pair.PrivateHost.Logs.All, Does.Contain("Exchange for").And.Not.Contain(key).And.Not.Contain("eyJ"));
    }

    [Test]
    public async Task DeactivatedConnection_KeepsEventsQueuedOnBothSidesWithoutSpinning_AndDeliversThemOnceActivated()
    {
        await using var pair = await ExchangePair.StartAsync(new() { ["PrivateNode:Exchange:WaitSeconds"] = "1" });
        (await pair.Public.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{pair.ConnectionId}/deactivate")).Dispose();
        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));
        await pair.PublicOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(2));

        var start = pair.Faults.Exchanges;
        var watch = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => Task.FromResult(pair.Faults.Exchanges >= start + 3), "three exchanges while deactivated");
        Assert.That(await pair.PublicEventsAsync("in"), Is.Empty);
        Assert.That(await pair.PrivateEventsAsync("in"), Is.Empty);
        Assert.That(await pair.PrivateEventsAsync("out"), Has.Count.EqualTo(1));
        Assert.That(await pair.PublicEventsAsync("out"), Has.Count.EqualTo(1));
        Assert.That(watch.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1)), "each exchange is held for the wait, not repeated at once");

        (await pair.Public.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{pair.ConnectionId}/activate")).Dispose();

        await Eventually.HoldsAsync(async () => (await pair.PublicEventsAsync("in")).Count == 1 && (await pair.PrivateEventsAsync("in")).Count == 1,
            "both events delivered once the connection is active");
    }
}
