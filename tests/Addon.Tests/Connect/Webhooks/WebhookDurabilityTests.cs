using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
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
        var folder = Directory.CreateTempSubdirectory("addon-kill-").FullName;
        using var keyServer = WireMockServer.Start();
        using var key = new InstallKeyPair();
        keyServer.Given(Request.Create().WithPath("/" + key.Kid).UsingGet()).RespondWith(Response.Create().WithBody(key.PublicKeyPem));
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var process = Process.Start(AddonProcess.StartInfo(folder,
            "--urls", baseUrl, "--Addon:BaseUrl", baseUrl, "--Addon:Key", "kill-test", "--Connect:InstallKeysBaseUrl", keyServer.Url!,
            "--Storage:ConnectionString", $"Data Source={Path.Combine(folder, "addon.db")}", "--Logging:LogLevel:Default", "Warning"))!;
        process.StandardOutput.ReadToEndAsync().Ignore();
        process.StandardError.ReadToEndAsync().Ignore();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            await WaitUntilHealthy(http, process);

            var secret = LifecycleBody.NewSharedSecret();
            var install = TokenMinter.Claims("site-1", Qsh.Of("POST", "/lifecycle/installed"));
            install["aud"] = baseUrl;
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
            process.Kill(); // SIGKILL: no graceful shutdown, no flush
            await process.WaitForExitAsync();

            Assert.That(acknowledged, Has.Count.EqualTo(100));
            await using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "addon.db")};Pooling=False");
            var stored = (await db.QueryAsync<string>("SELECT issue_id FROM dirty_issues")).ToList();
            Assert.That(stored, Is.EquivalentTo(acknowledged));
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string path, string json, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        return await http.SendAsync(request);
    }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private static async Task WaitUntilHealthy(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.That(process.HasExited, Is.False, "the app exited during start-up");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(PollInterval); // polling a condition, bounded by the deadline above
        }
        Assert.Fail("The app did not become healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
