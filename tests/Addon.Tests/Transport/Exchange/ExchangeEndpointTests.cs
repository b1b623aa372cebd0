using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// <c>POST /transport/v1/connections/{id}/exchange</c> on the public node, driven by hand as a private node would:
/// acknowledgements both ways, idempotent storing, the long-poll, and what a deleted or deactivated connection gets.
/// </summary>
[TestFixture(TestStore.Sqlite)]
[TestFixture(TestStore.Postgres)]
public class ExchangeEndpointTests(TestStore store)
{
    private PublicExchange node = null!;
    private string id = null!;
    private string key = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PublicExchange.StartAsync(store);
        (id, key) = await node.ConnectAsync();
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private static long Ack(JsonNode answer) => answer["ack"]!.GetValue<long>();
    private static List<long> Sequences(JsonNode answer) => answer["events"]!.AsArray().Select(e => e!["seq"]!.GetValue<long>()).ToList();

    [Test]
    public async Task PrivateEvents_AreStoredInOrder_AndAcknowledgedUpToTheHighest()
    {
        var answer = await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1), (2, 2), (3, 3)));

        Assert.That(Ack(answer), Is.EqualTo(3));
        Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("active"));
        Assert.That(await node.EventsAsync(id, "in"), Is.EqualTo(new[] { ExchangePair.Payload(1), ExchangePair.Payload(2), ExchangePair.Payload(3) }));
    }

    [Test]
    public async Task RepeatedAndOverlappingEvents_AreStoredOnce()
    {
        await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1), (2, 2)));

        var answer = await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1), (2, 2), (3, 3)));

        Assert.That(Ack(answer), Is.EqualTo(3));
        Assert.That(await node.EventsAsync(id, "in"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task EventsAfterAGap_AreNotStored_AndTheAckStaysBeforeTheGap()
    {
        var answer = await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1), (3, 3)));

        Assert.That(Ack(answer), Is.EqualTo(1));
        Assert.That(await node.EventsAsync(id, "in"), Is.EqualTo(new[] { ExchangePair.Payload(1) }));
    }

    [Test]
    public async Task PublicEvents_AreSentUntilAcknowledged_ThenDeleted()
    {
        for (var n = 1; n <= 3; n++)
            await node.Outbox.EnqueueAsync(id, ExchangePair.Payload(n));

        var first = await node.ExchangeAsync(id, key, PublicExchange.Body(0));
        var again = await node.ExchangeAsync(id, key, PublicExchange.Body(0)); // the first answer "lost": nothing acknowledged
        Assert.That(Sequences(first), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(Sequences(again), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(await node.EventsAsync(id, "out"), Has.Count.EqualTo(3), "kept until the private node says it stored them");

        var acknowledged = await node.ExchangeAsync(id, key, PublicExchange.Body(2));

        Assert.That(Sequences(acknowledged), Is.EqualTo(new long[] { 3 }));
        Assert.That(await node.EventsAsync(id, "out"), Is.EqualTo(new[] { ExchangePair.Payload(3) }));
    }

    [Test]
    public async Task IdleExchange_IsAnsweredAsSoonAsAnEventIsQueued_LongBeforeTheWaitExpires()
    {
        var watch = Stopwatch.StartNew();
        var held = node.ExchangeAsync(id, key, PublicExchange.Body(0, waitSeconds: 30));
        await Eventually.HoldsAsync(async () => await ExchangePair.ScalarAsync<long?>(node.Node.Host.Database, "SELECT last_polled_at_ms FROM connections WHERE id = @id", new { id }) is not null,
            "the exchange arrived");
        Assert.That(held.IsCompleted, Is.False, "nothing waits, so the exchange is held");

        await node.Outbox.EnqueueAsync(id, ExchangePair.Payload(7));
        var answer = await held.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(Sequences(answer), Is.EqualTo(new long[] { 1 }));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered by the queued event, not by the 30 s wait");
    }

    [Test]
    public async Task IdleExchange_WithNothingQueued_IsAnsweredEmptyAtTheEndOfTheWait()
    {
        var answer = await node.ExchangeAsync(id, key, PublicExchange.Body(0, waitSeconds: 1));

        Assert.That(Sequences(answer), Is.Empty);
        Assert.That(Ack(answer), Is.Zero);
    }

    [Test]
    public async Task Exchange_RecordsWhenThePrivateSideLastPolled()
    {
        await node.ExchangeAsync(id, key, PublicExchange.Body(0));

        var connection = await node.Node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections");
        Assert.That(connection["connections"]![0]!["lastPolledAt"], Is.Not.Null);
    }

    [Test]
    public async Task DeletedConnection_Answers410ConnectionDeleted_AndStoresNothing()
    {
        (await node.Node.AdminAsync(HttpMethod.Delete, $"/api/admin/connections/{id}")).Dispose();
        var before = await node.StoredAsync();

        using var response = await node.SendAsync(id, PublicExchange.Token(id, key), PublicExchange.Body(0, 0, (1, 1)));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.Gone);
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("connection_deleted"));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task DeactivatedConnection_KeepsEventsQueuedOnBothSides_AndSaysSo()
    {
        await node.Outbox.EnqueueAsync(id, ExchangePair.Payload(1));
        (await node.Node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/deactivate")).Dispose();

        var answer = await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1)));

        Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("deactivated"));
        Assert.That(Ack(answer), Is.Zero, "the private node keeps its event queued");
        Assert.That(Sequences(answer), Is.Empty);
        Assert.That(await node.EventsAsync(id, "in"), Is.Empty);
        Assert.That(await node.EventsAsync(id, "out"), Has.Count.EqualTo(1), "the public node keeps its event queued");

        (await node.Node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/activate")).Dispose();
        var active = await node.ExchangeAsync(id, key, PublicExchange.Body(0, 0, (1, 1)));
        Assert.That(Ack(active), Is.EqualTo(1));
        Assert.That(Sequences(active), Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task ExchangeHeldWhenTheConnectionIsDeactivated_DeliversNothingQueuedAfterwards_AndSaysDeactivated()
    {
        var held = node.ExchangeAsync(id, key, PublicExchange.Body(0, waitSeconds: 3));
        await Eventually.HoldsAsync(async () => await ExchangePair.ScalarAsync<long?>(node.Node.Host.Database, "SELECT last_polled_at_ms FROM connections WHERE id = @id", new { id }) is not null,
            "the exchange arrived and is held");
        (await node.Node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/deactivate")).Dispose();

        await node.Outbox.EnqueueAsync(id, ExchangePair.Payload(9)); // wakes the held exchange
        var answer = await held.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(async () =>
        {
            Assert.That(Sequences(answer), Is.Empty, "nothing leaves a deactivated connection, even to a request held since before");
            Assert.That(answer["status"]!.GetValue<string>(), Is.EqualTo("deactivated"));
            Assert.That(await node.EventsAsync(id, "out"), Has.Count.EqualTo(1), "the event stays queued");
        });
    }

    [TestCase("""{"events":[]}""", "ack")]
    [TestCase("""{"ack":-1}""", "ack")]
    [TestCase("""{"ack":0,"events":{}}""", "events")]
    [TestCase("""{"ack":0,"events":[{"seq":0,"payload":{}}]}""", "seq")]
    [TestCase("""{"ack":0,"events":[{"seq":1}]}""", "payload")]
    [TestCase("""{"ack":0,"waitSeconds":"soon"}""", "waitSeconds")]
    public async Task MalformedBody_Answers400NamingTheField_AndChangesNothing(string json, string field)
    {
        var before = await node.StoredAsync();

        using var response = await node.Node.SendAsync(HttpMethod.Post, PublicExchange.PathOf(id), json, PublicExchange.Token(id, key));

        await ApiErrorAssert.IsRefusal(response, HttpStatusCode.BadRequest, field);
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }
}
