using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Connections;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Quota;
using ConnectAddon.Tests.Transport.Exchange;
using ConnectAddon.Transport.Exchange;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Connections.Health;

/// <summary>
/// The Connections list on the public node shows the connection's health: queue depths each way, when the private node
/// last exchanged, and status error while it has been silent for longer than <c>Connections:PeerSilenceLimit</c>.
/// </summary>
public class PublicConnectionHealthTests
{
    private PublicNodeHarness node = null!;
    private string id = null!;
    private string key = null!;

    [SetUp]
    public async Task Start()
    {
        node = await PublicNodeHarness.StartAsync(new() { ["Connections:PeerSilenceLimit"] = "00:05:00" });
        var (connectionId, code, _) = await node.InitiateAsync();
        var nonce = CodeContent.NewNonce();
        await node.AcceptAsync(code, nonce);
        (id, key) = (connectionId, ConnectionKey.Derive(CodeContent.Secret(code), nonce));
    }

    [TearDown]
    public async Task Stop() => await node.DisposeAsync();

    private async Task ExchangeAsync(JsonObject body)
    {
        var token = PublicExchange.Token(id, key, now: node.Clock.GetUtcNow());
        using var response = await node.SendAsync(HttpMethod.Post, PublicExchange.PathOf(id), body.ToJsonString(), token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> ListedAsync() =>
        (await node.AdminJsonAsync(HttpMethod.Get, "/api/admin/connections"))["connections"]!.AsArray().Single(c => (string)c!["id"]! == id)!;

    [Test]
    public async Task WhileJirasQuotaIsSpent_TheListSaysUntilWhen_AndNothingOnceItEnds()
    {
        Assert.That((await ListedAsync())["rateLimitedUntil"], Is.Null, "calls go");
        var until = node.Clock.GetUtcNow().AddMinutes(20);
        var tenant = await node.App.Services.GetRequiredService<TenantStore>().FindAsync(node.TenantA.Site.ClientKey);
        await node.App.Services.GetRequiredService<JiraQuotaPauses>().PauseAsync(JiraTarget.ForTenant(tenant!, until).SiteKey, until, "jira-quota-tenant-based", default);

        var listed = await ListedAsync();
        Assert.That(listed["rateLimitedUntil"]!.GetValue<DateTime>(), Is.EqualTo(until.UtcDateTime).Within(TimeSpan.FromSeconds(1)));

        node.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.That((await ListedAsync())["rateLimitedUntil"], Is.Null);
    }

    [Test]
    public async Task QueueDepths_CountTheOutboxAndTheReceivedButUnappliedEvents()
    {
        var outbox = node.App.Services.GetRequiredService<Outbox>();
        await outbox.EnqueueAsync(id, ExchangePair.Payload(1));
        await outbox.EnqueueAsync(id, ExchangePair.Payload(2));
        await ExchangeAsync(PublicExchange.Body(0, 0, (1, 11), (2, 12), (3, 13)));
        await node.App.Services.GetRequiredService<Inbox>().MarkAppliedAsync(id, 1);

        var listed = await ListedAsync();

        Assert.That((int)listed["queuedOutgoing"]!, Is.EqualTo(2), "not acknowledged yet");
        Assert.That((int)listed["queuedIncoming"]!, Is.EqualTo(2), "three stored, one applied");
    }

    [Test]
    public async Task PrivateNodeSilentBeyondTheLimit_IsShownAsErrorSinceWhen_AndRecoversWithTheNextExchange()
    {
        await ExchangeAsync(PublicExchange.Body(0));
        var heard = node.Clock.GetUtcNow();
        node.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That((string)(await ListedAsync())["status"]!, Is.EqualTo(ConnectionStatus.Active), "within the limit");

        node.Clock.Advance(TimeSpan.FromMinutes(2));
        var silent = await ListedAsync();
        Assert.That((string)silent["status"]!, Is.EqualTo(ConnectionStatus.Error));
        Assert.That((string)silent["statusReason"]!, Does.Contain("not been heard from since " + heard.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")));
        Assert.That(await node.ScalarAsync<string>("SELECT status FROM connections WHERE id = @id", new { id }), Is.EqualTo(ConnectionStatus.Active),
            "shown, never stored");

        await ExchangeAsync(PublicExchange.Body(0));
        var recovered = await ListedAsync();
        Assert.That((string)recovered["status"]!, Is.EqualTo(ConnectionStatus.Active));
        Assert.That(recovered["statusReason"], Is.Null);
    }

    [Test]
    public async Task DeactivatedConnection_StaysDeactivated_HoweverLongThePrivateNodeIsSilent()
    {
        await ExchangeAsync(PublicExchange.Body(0));
        (await node.AdminAsync(HttpMethod.Post, $"/api/admin/connections/{id}/deactivate")).Dispose();
        node.Clock.Advance(TimeSpan.FromHours(1));

        Assert.That((string)(await ListedAsync())["status"]!, Is.EqualTo(ConnectionStatus.Deactivated));
    }

    [TestCase("00:00:10")]
    [TestCase("8.00:00:00")]
    public void PeerSilenceLimit_OutsideOneMinuteToSevenDays_IsRefusedNamingTheKey(string limit)
    {
        var result = new ConnectionsOptionsValidator().Validate(null, new ConnectionsOptions { PeerSilenceLimit = TimeSpan.Parse(limit) });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Connections:PeerSilenceLimit"));
    }
}
