using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConnectAddon.TestKit;
using Microsoft.Data.Sqlite;

namespace ConnectAddon.Bench;

/// <summary>
/// <c>exchange</c>: a public node and a private node as real processes (production environment), paired by writing
/// one connection with one key into both databases. Measures, on loopback:
/// (1) the exchange round trip: the benchmark plays a private node on a second connection and POSTs one event per
///     exchange (<c>waitSeconds</c> 0) to the public node, timed until its answer acknowledges the event;
/// (2) an idle connection: exchanges the public node received (changes of <c>connections.last_polled_at_ms</c>)
///     while nothing is queued, per minute, and the TCP connections the private node opened meanwhile
///     (<see cref="OpenedConnections"/>; issue 14 item 9). Under load that figure comes from <c>sync</c>, whose edits
///     make the private node queue events itself: here it has no Jira, so nothing inside it ever queues one.
/// The public → private delay is not measured here: without a Jira nothing inside the public node queues events, and
/// an event inserted into its database from outside is found only by the held exchange's 5 s re-read, which is not
/// the product's path. <c>sync</c> (phase 3) measures it with events the sync itself queues.
/// </summary>
public sealed class ExchangeBenchmark(ExchangeBenchOptions options)
{
    private static readonly TimeSpan IdleCheckInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DrainCheckInterval = TimeSpan.FromMilliseconds(10);

    public const double TargetIdlePerMinute = 2;
    /// <summary>Issue 14 item 9: an idle connection holds one long-poll on one kept-alive connection.</summary>
    public const double TargetIdleConnectionsPerMinute = 2;
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(CancellationToken cancel)
    {
        var (addonDll, configuration) = BenchedApp.Locate();
        Console.WriteLine($"Addon: {addonDll} ({configuration})");
        if (configuration != "Release")
            Console.WriteLine("Note: not a Release build; use -c Release for figures worth comparing.");
        Console.WriteLine($"Benchmark: exchange {options}");

        var root = Directory.CreateTempSubdirectory("bench-exchange-").FullName;
        NodeProcess? publicNode = null;
        NodeProcess? privateNode = null;
        try
        {
            var publicFolder = Path.Combine(root, "public");
            var privateFolder = Path.Combine(root, "private");
            var paired = ConnectionIdText();
            var played = ConnectionIdText();
            var pairedKey = ExchangeToken.Encode(RandomNumberGenerator.GetBytes(32));
            var playedKey = ExchangeToken.Encode(RandomNumberGenerator.GetBytes(32));
            var publicPairedKey = ExchangeNode.ProtectKey(publicFolder, pairedKey);
            var publicPlayedKey = ExchangeNode.ProtectKey(publicFolder, playedKey);
            var privatePairedKey = ExchangeNode.ProtectKey(privateFolder, pairedKey);

            publicNode = await ExchangeNode.StartAsync("public", publicFolder, new Dictionary<string, string>());
            ExchangeDatabase.InsertPublicConnection(publicNode.DatabaseFile, paired, publicPairedKey);
            ExchangeDatabase.InsertPublicConnection(publicNode.DatabaseFile, played, publicPlayedKey);
            privateNode = await ExchangeNode.StartAsync("private", privateFolder, new Dictionary<string, string>
            {
                ["Node:Role"] = "private",
                ["PrivateNode:Name"] = "Bench private node",
                ["PrivateNode:Jira:BaseUrl"] = "http://127.0.0.1:9/jira",
                ["PrivateNode:Jira:Email"] = "admin@b.example",
                ["PrivateNode:Jira:ApiToken"] = "bench-token",
                ["PrivateNode:AllowInsecurePublicNode"] = "true",
                ["Console:AdminPassword"] = ExchangeToken.Encode(RandomNumberGenerator.GetBytes(18)),
            });
            ExchangeDatabase.InsertPrivateConnection(privateNode.DatabaseFile, paired, privatePairedKey, publicNode.BaseUrl.ToString().TrimEnd('/'));
            Console.WriteLine($"Public node: pid {publicNode.ProcessId} at {publicNode.BaseUrlSetting}; private node: pid {privateNode.ProcessId} at {privateNode.BaseUrlSetting}");

            // The private node picks the connection up within PrivateNode:Exchange:ConnectionRefresh (5 s) and long-polls.
            await WaitAsync(() => ExchangeDatabase.LastPolled(publicNode.DatabaseFile, paired) > 0, "the private node's first exchange", cancel);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var roundTrip = await RoundTripsAsync(http, publicNode, played, playedKey, cancel);
            Console.WriteLine();
            Console.WriteLine($"Exchange round trip (benchmark as the private node, one event per POST, waitSeconds 0, {options.Events} exchanges):");
            LatencyReport.Of(roundTrip).Print(Console.Out);
            if (ExchangeDatabase.Count(publicNode.DatabaseFile, played, "in") != options.Events)
                throw new BenchmarkFailedException("The public node's inbox does not hold every event the round trips delivered.");

            Console.WriteLine();
            Console.WriteLine("Public → private delay: measured by `dotnet run -c Release --project tests/Bench -- sync` (phase 3), with events the sync");
            Console.WriteLine("  queues inside the public node; events written into its database from outside would only show its 5 s re-read.");

            await using var opened = OpenedConnections.Start(privateNode.ProcessId, publicNode.BaseUrl.Port);
            var (polls, seconds, interval, connections) = await IdleAsync(publicNode, paired, opened, cancel);
            var perMinute = seconds > 0 ? polls * 60 / seconds : 0;
            Console.WriteLine();
            Console.WriteLine($"Idle connection ({seconds:0} s with nothing queued; exchanges counted by changes of the public node's last_polled_at_ms):");
            Console.WriteLine($"  exchanges    {polls}");
            Console.WriteLine($"  per minute   {perMinute:0.00}   (target at most about {TargetIdlePerMinute:0}){(perMinute <= TargetIdlePerMinute + 0.5 ? "" : "   ABOVE TARGET")}");
            if (interval is { } mean)
                Console.WriteLine($"  interval     {mean:0.0} s between exchanges (mean), so {60 / mean:0.00} per minute in the long run");
            var connectionsPerMinute = seconds > 0 ? connections * 60 / seconds : 0;
            Console.WriteLine($"  connections  {connections} opened by the private node to the public node ({connectionsPerMinute:0.00} per minute; target at most " +
                $"{TargetIdleConnectionsPerMinute:0}){(connectionsPerMinute <= TargetIdleConnectionsPerMinute ? "" : "   ABOVE TARGET")}");
            return 0;
        }
        finally
        {
            if (privateNode is not null)
                await privateNode.DisposeAsync();
            if (publicNode is not null)
                await publicNode.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private async Task<PhaseResult> RoundTripsAsync(HttpClient http, NodeProcess publicNode, string id, string key, CancellationToken cancel)
    {
        var path = $"/transport/v1/connections/{id}/exchange";
        var url = new Uri(publicNode.BaseUrl, path.TrimStart('/'));
        var latencies = new List<long>(options.Events);
        var errors = 0;
        var total = Stopwatch.StartNew();
        for (var seq = 1; seq <= options.Events; seq++)
        {
            var body = "{\"ack\":0,\"events\":[{\"seq\":" + seq + ",\"payload\":{\"bench\":" + seq + "}}],\"waitSeconds\":0}";
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", ExchangeToken.Mint(id, key, path, DateTimeOffset.UtcNow));
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request, cancel);
            var answer = await response.Content.ReadAsStringAsync(cancel);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                if (++errors == 1)
                    Console.Error.WriteLine($"Exchange answered {(int)response.StatusCode}: {answer}");
                continue;
            }
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.GetProperty("ack").GetInt64() != seq)
                throw new BenchmarkFailedException($"The exchange carrying event {seq} answered ack {json.RootElement.GetProperty("ack")}.");
            latencies.Add(elapsed);
        }
        if (errors > 0)
            throw new BenchmarkFailedException($"{errors} of {options.Events} exchanges failed.");
        return new PhaseResult(latencies.ToArray(), errors, [], total.Elapsed);
    }

    private async Task<(int Polls, double Seconds, double? MeanIntervalSeconds, int Connections)> IdleAsync(NodeProcess publicNode, string id,
        OpenedConnections opened, CancellationToken cancel)
    {
        // Quiet first: both outboxes empty, the last acknowledgement delivered, so only long-polls remain.
        await WaitAsync(() => ExchangeDatabase.Count(publicNode.DatabaseFile, id, "out") == 0, "the public outbox acknowledged", cancel);
        var connectionsBefore = opened.Seen; // the long-poll's own, open now, is not counted as opened in the window
        var last = ExchangeDatabase.LastPolled(publicNode.DatabaseFile, id);
        var first = last;
        var polls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < options.IdleSeconds)
        {
            await Task.Delay(IdleCheckInterval, cancel);
            var polled = ExchangeDatabase.LastPolled(publicNode.DatabaseFile, id);
            if (polled != last)
            {
                polls++;
                last = polled;
            }
        }
        // The public node's own clock between the exchange before the window and the last one in it.
        return (polls, watch.Elapsed.TotalSeconds, polls > 0 ? (last - first) / 1000.0 / polls : null, opened.Seen - connectionsBefore);
    }

    private static async Task WaitAsync(Func<bool> condition, string what, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > DrainLimit)
                throw new BenchmarkFailedException($"Timed out after {DrainLimit.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(DrainCheckInterval, cancel);
        }
    }

    /// <summary>A connection id of the app's shape: <c>con_</c> and 26 base32 characters (ConnectionId.New).</summary>
    private static string ConnectionIdText()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        return "con_" + new string(RandomNumberGenerator.GetItems<char>(alphabet, 26));
    }
}
