using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConnectAddon.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Connect.Webhooks;

/// <summary>A 204 means stored: killing the app (SIGKILL, no shutdown) right after it answered loses nothing.</summary>
public class WebhookDurabilityTests
{
    [Test]
    public async Task AppKilledRightAfterAnswering_EveryAcknowledgedWebhookIsInTheDatabase()
    {
        using var keyServer = WireMockServer.Start();
        using var key = new InstallKeyPair();
        keyServer.Given(Request.Create().WithPath("/" + key.Kid).UsingGet()).RespondWith(Response.Create().WithBody(key.PublicKeyPem));
        await using var node = await NodeProcess.StartAsync(new Dictionary<string, string>
        {
            ["Addon:Key"] = "kill-test",
            ["Connect:InstallKeysBaseUrl"] = keyServer.Url!,
            // The rows the webhooks recorded are counted afterwards; the sync that would consume them is paused.
            ["Sync:Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = node.BaseUrl };

        var secret = LifecycleBody.NewSharedSecret();
        var install = TokenMinter.Claims("site-1", Qsh.Of("POST", "/lifecycle/installed"));
        install["aud"] = node.BaseUrlSetting;
        using (var installed = await Post(http, "/lifecycle/installed", LifecycleBody.For("installed", "kill-test", "site-1", "https://acme.atlassian.net", secret).ToJsonString(),
                   TokenMinter.Rs256(key.Rsa, key.Kid, install)))
            Assert.That(installed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var acknowledged = new List<string>();
        var sends = Enumerable.Range(0, 100).Select(async n =>
        {
            var token = TokenMinter.Hs256(secret, TokenMinter.Claims("site-1", Qsh.Of("POST", "/webhooks/issue-updated")));
            using var response = await Post(http, "/webhooks/issue-updated", "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"" + (20000 + n) + "\"}}", token);
            if (response.StatusCode == HttpStatusCode.NoContent)
                lock (acknowledged) acknowledged.Add((20000 + n).ToString());
        }).ToList();
        await Task.WhenAll(sends);
        await node.KillAsync(); // SIGKILL: no graceful shutdown, no flush

        Assert.That(acknowledged, Has.Count.EqualTo(100));
        await using var db = new SqliteConnection($"Data Source={node.DatabaseFile};Pooling=False");
        var stored = (await db.QueryAsync<string>("SELECT issue_id FROM dirty_issues")).ToList();
        Assert.That(stored, Is.EquivalentTo(acknowledged));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string path, string json, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        return await http.SendAsync(request);
    }
}
