using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Connections;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Tests.Transport.Exchange;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConnectAddon.Tests.Connections.Health;

/// <summary>
/// The private console's Connections list: when the poller last exchanged successfully, and its last error as the
/// reason while exchanges fail, cleared by the next success (both nodes in-process, the answers lost on the way).
/// </summary>
public class PrivateConnectionHealthTests
{
    private static async Task<JsonNode> ListedAsync(ExchangePair pair)
    {
        using var browser = pair.PrivateApp.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password }))
            Assert.That(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        var list = JsonNode.Parse(await browser.GetStringAsync("/api/console/connections"))!;
        return list["connections"]!.AsArray().Single(c => (string)c!["id"]! == pair.ConnectionId)!;
    }

    [Test]
    public async Task FailingExchanges_ShowTheLastErrorAsTheReason_AndSuccessClearsIt()
    {
        await using var pair = await ExchangePair.StartAsync(new() { ["PrivateNode:Exchange:WaitSeconds"] = "1" });
        await Eventually.HoldsAsync(async () => (await ListedAsync(pair))["lastPolledAt"] is not null, "the first exchange recorded");

        Interlocked.Exchange(ref pair.Faults.LoseAnswersWithEvents, int.MaxValue);
        await pair.PrivateOutbox.EnqueueAsync(pair.ConnectionId, ExchangePair.Payload(1));
        await Eventually.HoldsAsync(async () => (string?)(await ListedAsync(pair))["status"] == ConnectionStatus.Error, "the failure shown");
        var failing = await ListedAsync(pair);
        Assert.That((string)failing["statusReason"]!, Does.Contain("the request failed (ResponseEnded)"));
        Assert.That((int)failing["queuedOutgoing"]!, Is.EqualTo(1), "not acknowledged while failing");

        Interlocked.Exchange(ref pair.Faults.LoseAnswersWithEvents, 0);
        await Eventually.HoldsAsync(async () => (string?)(await ListedAsync(pair))["status"] == ConnectionStatus.Active, "recovered");
        var recovered = await ListedAsync(pair);
        Assert.That(recovered["statusReason"], Is.Null);
        Assert.That(recovered["lastPolledAt"], Is.Not.Null);
    }
}
