using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using ConnectAddon.TestKit;

namespace ConnectAddon.Tests.Connect.Jwt;

/// <summary>
/// A refusal costs nothing that lasts. Tokens with made-up issuers were all refused, yet each issuer was cached and
/// never evicted: 12,000 requests of 12 KB took a node from 162 MB to 507 MB. Here a real node (its own process, as an
/// operator runs it) takes 20,000 such requests over loopback, and its resident memory stays where the first ones left it;
/// nor does it log them.
/// </summary>
public class RefusalFloodTests
{
    private const int IssuerBytes = 12 * 1024;

    [Test]
    public async Task TwentyThousandTokensWithMadeUpIssuers_AreAllRefused_AndLeaveTheWorkingSetWhereItWas()
    {
        // The log level the node ships with (the test kit's nodes log warnings only): a refusal must log nothing there either.
        await using var node = await NodeProcess.StartAsync(new Dictionary<string, string> { ["Sync:Enabled"] = "false", ["Logging:LogLevel:Default"] = "Information" });
        using var http = new HttpClient { BaseAddress = node.BaseUrl };

        // Warm up: the first requests grow pools, JIT-compiled code and the GC's heaps to their working size.
        Assert.That(await FloodAsync(http, 3_000), Is.EqualTo(3_000), "every warm-up request is refused with 401");
        var before = node.WorkingSet();
        var linesBefore = node.Output.Count;

        var refused = await FloodAsync(http, 20_000);
        var after = node.WorkingSet();
        Assert.That(node.Output.Count - linesBefore, Is.LessThan(10), "a refusal writes no log line either: a flood must not fill the operator's disk");

        Assert.That(refused, Is.EqualTo(20_000), "every request is refused with 401");
        TestContext.Out.WriteLine($"working set: {before / 1048576.0:0.0} MiB before, {after / 1048576.0:0.0} MiB after 20,000 refusals");
        // 20,000 cached issuers of 12 KB would be about 480 MB (UTF-16); a few MB is the GC's own breathing.
        Assert.That(after - before, Is.LessThan(16L * 1024 * 1024),
            $"the working set grew from {before / 1048576.0:0.0} MiB to {after / 1048576.0:0.0} MiB");
    }

    /// <summary>Sends <paramref name="count"/> signed webhooks, each from an issuer of its own, 8 at a time; how many got 401.</summary>
    private static async Task<int> FloodAsync(HttpClient http, int count)
    {
        var refused = 0;
        var next = -1;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/issue-updated")
                {
                    Content = new StringContent("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\"}}", Encoding.UTF8, "application/json"),
                };
                var issuer = Convert.ToHexString(RandomNumberGenerator.GetBytes(IssuerBytes / 2));
                request.Headers.Authorization = new AuthenticationHeaderValue("JWT",
                    TokenMinter.Hs256("made-up-secret-made-up-secret-made-up", TokenMinter.Claims(issuer, Qsh.Of("POST", "/webhooks/issue-updated"))));
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                    Interlocked.Increment(ref refused);
            }
        });
        await Task.WhenAll(workers);
        return refused;
    }
}
