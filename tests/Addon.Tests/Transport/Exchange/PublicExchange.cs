using ConnectAddon.TestKit;
using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Exchange;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// A public node with connections accepted through the real transport route, and a test that plays the private node
/// by hand: it knows each connection's key (derived from the code's secret and its own nonce) and mints exchange tokens.
/// </summary>
public sealed class PublicExchange : IAsyncDisposable
{
    private PublicExchange(PublicNodeHarness node) => Node = node;

    public PublicNodeHarness Node { get; }
    public Outbox Outbox => Node.App.Services.GetRequiredService<Outbox>();

    public static async Task<PublicExchange> StartAsync(TestStore? store = null, Dictionary<string, string?>? settings = null) =>
        new(await PublicNodeHarness.StartAsync(settings, services: s => s.AddSingleton(TimeProvider.System), store: store));

    /// <summary>Initiates and accepts a connection; its id and key.</summary>
    public async Task<(string Id, string Key)> ConnectAsync()
    {
        var (id, code, _) = await Node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        await Node.AcceptAsync(code, nonce);
        return (id, ConnectionKey.Derive(CodeContent.Secret(code), nonce));
    }

    public static string PathOf(string id) => $"/transport/v1/connections/{id}/exchange";

    public static string Token(string id, string key, string? path = null, DateTimeOffset? now = null) =>
        ConnectionToken.Mint(id, key, "POST", new Uri(AddonHost.BaseUrl + (path ?? PathOf(id))), new Uri(AddonHost.BaseUrl), now ?? DateTimeOffset.UtcNow);

    public static JsonObject Body(long ack, int waitSeconds = 0, params (long Seq, int N)[] events) => new()
    {
        ["ack"] = ack,
        ["events"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject { ["seq"] = e.Seq, ["payload"] = JsonNode.Parse(ExchangePair.Payload(e.N)) }).ToArray()),
        ["waitSeconds"] = waitSeconds,
    };

    public Task<HttpResponseMessage> SendAsync(string id, string? token, JsonObject body) =>
        Node.SendAsync(HttpMethod.Post, PathOf(id), body.ToJsonString(), token);

    /// <summary>Sends an exchange, asserting 200; the answer's JSON.</summary>
    public async Task<JsonNode> ExchangeAsync(string id, string key, JsonObject body)
    {
        using var response = await SendAsync(id, Token(id, key), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Everything the exchange may touch, as text: a refused request must leave it exactly as it was.</summary>
    public async Task<string> StoredAsync()
    {
        return await Node.StoredAsync() + "\n" + await Node.Host.Database.RowsAsync("sync_events", "exchange_cursors");
    }

    public Task<List<string>> EventsAsync(string id, string direction) => ExchangePair.EventsAsync(Node.Host.Database, id, direction);

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
