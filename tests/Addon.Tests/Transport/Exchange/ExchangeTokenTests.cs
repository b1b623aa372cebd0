using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// The exchange's token (DESIGN §6, §9): HS256 under the connection key, iss = the connection, exact qsh, short life.
/// Every refusal is a 401 that changes nothing; a replay within the expiry is harmless.
/// </summary>
public class ExchangeTokenTests
{
    private PublicExchange node = null!;
    private string id = null!;
    private string key = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PublicExchange.StartAsync();
        (id, key) = await node.ConnectAsync();
        await node.Outbox.EnqueueAsync(id, ExchangePair.Payload(1));
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private async Task RefusedAndNothingChangedAsync(string connectionId, string? token)
    {
        var before = await node.StoredAsync();

        using var response = await node.SendAsync(connectionId, token, PublicExchange.Body(1, 0, (1, 1)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), await response.Content.ReadAsStringAsync());
        Assert.That(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>(), Is.EqualTo("invalid_token"));
        Assert.That(await node.StoredAsync(), Is.EqualTo(before));
    }

    [Test]
    public Task NoToken_Answers401_AndChangesNothing() => RefusedAndNothingChangedAsync(id, null);

    [Test]
    public Task TamperedSignature_Answers401_AndChangesNothing()
    {
        var token = PublicExchange.Token(id, key);
        var last = token[^2] == 'A' ? 'B' : 'A';
        return RefusedAndNothingChangedAsync(id, token[..^2] + last + token[^1]);
    }

    [Test]
    public Task TamperedClaims_Answers401_AndChangesNothing()
    {
        var parts = PublicExchange.Token(id, key).Split('.');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[1])))!.AsObject();
        claims["exp"] = claims["exp"]!.GetValue<long>() + 3600;
        return RefusedAndNothingChangedAsync(id, parts[0] + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString())) + "." + parts[2]);
    }

    [Test]
    public Task SignedWithAnotherKey_Answers401_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(id, PublicExchange.Token(id, Base64Url.Encode(new byte[32])));

    [Test]
    public Task AlgNone_Answers401_AndChangesNothing()
    {
        var parts = PublicExchange.Token(id, key).Split('.');
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return RefusedAndNothingChangedAsync(id, header + "." + parts[1] + ".");
    }

    [Test]
    public Task Expired_Answers401_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(id, PublicExchange.Token(id, key, now: DateTimeOffset.UtcNow.AddMinutes(-5)));

    [Test]
    public Task QshOfAnotherRequest_Answers401_AndChangesNothing() =>
        RefusedAndNothingChangedAsync(id, PublicExchange.Token(id, key, path: "/transport/v1/info"));

    [Test]
    public async Task TokenOfOneConnection_UsedOnAnother_Answers401_AndChangesNothing()
    {
        var (otherId, otherKey) = await node.ConnectAsync();

        // Its own token, sent to the other connection's route: iss and qsh name the wrong connection.
        await RefusedAndNothingChangedAsync(id, PublicExchange.Token(otherId, otherKey));
        // A token claiming the other connection but signed with this one's key: no such key there.
        await RefusedAndNothingChangedAsync(otherId, PublicExchange.Token(otherId, key, PublicExchange.PathOf(otherId)));
    }

    [Test]
    public async Task ReplayedRequest_WithinTheExpiry_ChangesNothing()
    {
        var token = PublicExchange.Token(id, key);
        var body = PublicExchange.Body(0, 0, (1, 1), (2, 2));
        using (var first = await node.SendAsync(id, token, body))
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The private node moves on: it acknowledges the public event it stored.
        await node.ExchangeAsync(id, key, PublicExchange.Body(1));
        var before = await node.StoredAsync();

        using var replay = await node.SendAsync(id, token, body);

        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a replay is a valid request that repeats what was done");
        var answer = JsonNode.Parse(await replay.Content.ReadAsStringAsync())!;
        Assert.That(answer["ack"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(answer["events"]!.AsArray(), Is.Empty, "acknowledged events are gone; the replay cannot bring them back");
        Assert.That(Without(await node.StoredAsync(), "last_polled_at_ms"), Is.EqualTo(Without(before, "last_polled_at_ms")));
        Assert.That(await node.EventsAsync(id, "in"), Has.Count.EqualTo(2), "stored once");
    }

    private static string Without(string stored, string column) =>
        System.Text.RegularExpressions.Regex.Replace(stored, column + "=[0-9]*", column + "=…");

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
