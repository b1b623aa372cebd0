using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim;
using JiraSim.Model;
using JiraSim.Seed;
using Sandbox;

namespace ConnectAddon.Bench;

/// <summary>
/// The product on this machine as the <c>sync</c> benchmark runs it, set up like the end-to-end tests' NodePair and
/// SyncPair (a test project cannot be referenced, so the steps are repeated here; the private node's Jira settings
/// are the sandbox's <see cref="PrivateJiraSite"/>, several public processes are ConnectTestKit's
/// <see cref="PublicCluster"/>): the simulated Jira in this process, a public node installed into site A and a
/// private node on its own Jira (site B, Jira Cloud, or site-dc, Jira Data Center), each a process of its own in the
/// production environment, and an active Basic connection between ACME and GLX, initiated through the public node's
/// admin API and accepted through the private console's API.
/// With several public processes they share a PostgreSQL database behind the loopback proxy, which sends the private
/// node's exchange (<c>/transport/</c>) to the first process and everything else (site A's webhooks, the admin
/// API) round-robin to the others: every webhook lands on another process than the one holding the long-poll.
/// </summary>
public sealed class SyncNodes : IAsyncDisposable
{
    public const string AppKey = "io.example.bench-sync";
    private const string SiteAAdmin = "557058:a-admin";
    private const string ConsoleUser = "admin";
    private static readonly TimeSpan SetupLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(180);

    /// <summary>The path prefix of the private node's requests (exchange, attachments): pinned to the first public process.</summary>
    public const string TransportPath = "/transport/";

    private readonly string root;
    private readonly PublicCluster? cluster;
    private readonly TestDatabase? publicStore;

    private SyncNodes(string root, JiraSimulator jira, PrivateJira privateJira, IReadOnlyList<NodeProcess> publics, NodeProcess privateNode,
        PublicCluster? cluster, TestDatabase? publicStore)
    {
        this.root = root;
        this.cluster = cluster;
        this.publicStore = publicStore;
        Jira = jira;
        PrivateJira = privateJira;
        Publics = publics;
        Private = privateNode;
        PublicDatabase = new SyncDatabase(cluster is not null ? BenchDatabase.Of(cluster.Database)
            : publicStore is not null ? BenchDatabase.Of(publicStore) : BenchDatabase.SqliteFile(publics[0].DatabaseFile));
        PrivateDatabase = new SyncDatabase(BenchDatabase.SqliteFile(privateNode.DatabaseFile));
    }

    public JiraSimulator Jira { get; }
    /// <summary>Which Jira the private node is on: Cloud (site B) or Data Center (site-dc).</summary>
    public PrivateJira PrivateJira { get; }
    /// <summary>The public node's processes; with several, the first serves the private node's exchange.</summary>
    public IReadOnlyList<NodeProcess> Publics { get; }
    public NodeProcess Public => Publics[0];
    /// <summary>Where site A, its admin and the private node reach the public node: the proxy in front of several processes, or the one process.</summary>
    public Uri PublicUrl => cluster?.Proxy.BaseUrl ?? Public.BaseUrl;
    public NodeProcess Private { get; }
    public SyncDatabase PublicDatabase { get; }
    public SyncDatabase PrivateDatabase { get; }
    public HttpClient Console { get; private set; } = null!;
    public string ConnectionId { get; private set; } = "";
    public SimSite SiteA => Jira.Site("site-a");
    /// <summary>The private node's Jira: site B on Cloud, site-dc on Data Center.</summary>
    public SimSite SiteB => Jira.Site(PrivateJiraSite.Key(PrivateJira));
    public SimUser PersonA => SiteA.FindUser("557058:a-user")!;
    /// <summary>The private side's person: an account id on Cloud, a user key on Data Center.</summary>
    public SimUser PersonB => SiteB.FindUser(PrivateJiraSite.PersonId(PrivateJira))!;

    public static async Task<SyncNodes> StartAsync(SyncBenchOptions options, CancellationToken cancel)
    {
        var (privateJira, pollInterval) = (options.PrivateJira, options.PollInterval);
        var root = Directory.CreateTempSubdirectory("bench-sync-").FullName;
        JiraSimulator? jira = null;
        PublicCluster? cluster = null;
        TestDatabase? publicStore = null;
        var started = new List<NodeProcess>();
        try
        {
            jira = await JiraSimulator.StartAsync(DefaultSeed.Create());
            var password = ExchangeToken.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            var publicSettings = new Dictionary<string, string>
            {
                ["Addon:Key"] = AppKey,
                ["Addon:Name"] = "Exalate",
                ["Connect:InstallKeysBaseUrl"] = jira.InstallKeysBaseUrl.ToString(),
                ["Connect:AllJsUrl"] = jira.RootUrl + "all.js",
                // Loopback over plain HTTP, as the sandbox; real deployments use HTTPS and keep this off.
                ["Transport:AllowInsecureDestinations"] = "true",
            };
            // When bulk runs and the workers wait for the quota, and carry on a run (the rest stays at Warning).
            publicSettings["Logging:LogLevel:ConnectAddon.Sync.Admin.BulkRuns"] = "Information";
            publicSettings["Logging:LogLevel:ConnectAddon.Sync.Outgoing.OutgoingWorker"] = "Information";
            if (options.Quota > 0)
            {
                publicSettings["Sync:BulkQuotaReserve"] = options.QuotaReserve.ToString(System.Globalization.CultureInfo.InvariantCulture);
                publicSettings["Sync:BulkQueuedLimit"] = options.QueuedLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            List<Task<NodeProcess>> publicStarts;
            if (options.PublicNodes > 1)
            {
                cluster = await PublicCluster.StartAsync(options.PublicNodes, Path.Combine(root, "public-shared"), pinned: TransportPath);
                publicStarts = [.. cluster.Ports.Select((port, i) => StartNodeAsync($"public-{i + 1}", Path.Combine(root, $"public-{i + 1}"),
                    cluster.SettingsOf(publicSettings, port), port, cluster.Environment))];
            }
            else
            {
                // On PostgreSQL the connection string, which holds the password, goes in the environment, not the command line.
                publicStore = options.Store == TestStore.Postgres ? TestDatabase.Create(TestStore.Postgres, Path.Combine(root, "public"), "bench_public") : null;
                if (publicStore is not null)
                {
                    publicSettings["Storage:Provider"] = "postgres";
                    publicSettings["Storage:DataDirectory"] = publicStore.DataDirectory;
                }
                publicStarts = [StartNodeAsync("public", Path.Combine(root, "public"), publicSettings, null,
                    publicStore is null ? null : new Dictionary<string, string> { ["Storage__ConnectionString"] = publicStore.ConnectionString })];
            }
            // The node is told only its Jira's URL and credentials; it finds out from serverInfo whether that is Data Center.
            var privateStart = StartNodeAsync("private", Path.Combine(root, "private"), new Dictionary<string, string>(PrivateJiraSite.Settings(jira, privateJira))
            {
                ["Node:Role"] = "private",
                ["Addon:Key"] = AppKey,
                ["PrivateNode:Name"] = "Bench private node",
                ["PrivateNode:AllowInsecurePublicNode"] = "true",
                ["PrivateNode:PollInterval"] = pollInterval.ToString("c"),
                // Only how soon the new connection's first exchange starts; the measured paths keep the defaults.
                ["PrivateNode:Exchange:ConnectionRefresh"] = "00:00:00.500",
                ["Console:AdminPassword"] = password,
            }, null, null);
            // All start even when one fails, so the catch below can stop whichever did.
            var all = publicStarts.Append(privateStart).ToList();
            await Task.WhenAll(all.Select(s => s.ContinueWith(_ => { })));
            started.AddRange(all.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result));
            var publics = new List<NodeProcess>();
            foreach (var start in publicStarts)
                publics.Add(await start);
            var privateNode = await privateStart;

            var nodes = new SyncNodes(root, jira, privateJira, publics, privateNode, cluster, publicStore);
            await jira.InstallAppAsync("site-a", new Uri(nodes.PublicUrl, "atlassian-connect.json"), cancel);
            await nodes.ConnectAsync(password, cancel);
            return nodes;
        }
        catch
        {
            foreach (var node in started)
                await node.DisposeAsync();
            if (cluster is not null)
                await cluster.DisposeAsync();
            if (publicStore is not null)
                await publicStore.DisposeAsync();
            if (jira is not null)
                await jira.DisposeAsync();
            DeleteFolder(root);
            throw;
        }
    }

    /// <summary>A client of the public node's admin API as site A's Jira admin: a fresh context token, as <c>AP.context.getToken()</c> gives the page.</summary>
    public HttpClient PublicAdmin()
    {
        var app = SiteA.Apps[AppKey];
        var token = TokenMinter.Hs256(app.SharedSecret, TokenMinter.Claims(Jira.ClientKey("site-a"), "context-qsh", subject: SiteAAdmin));
        var client = new HttpClient { BaseAddress = PublicUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("JWT", token);
        return client;
    }

    /// <summary>GET …/connections/{id}/sync on the public node (admin API) or the private node (console API).</summary>
    public async Task<JsonNode> OverviewAsync(bool publicSide, CancellationToken cancel)
    {
        if (!publicSide)
            return await JsonAsync(await Console.GetAsync($"api/console/connections/{ConnectionId}/sync", cancel), HttpStatusCode.OK, cancel);
        using var admin = PublicAdmin();
        return await JsonAsync(await admin.GetAsync($"api/admin/connections/{ConnectionId}/sync", cancel), HttpStatusCode.OK, cancel);
    }

    /// <summary>POSTs JSON to the public node's admin API and returns the answer, which must have <paramref name="expected"/> status.</summary>
    public async Task<JsonNode> PostToPublicAsync(string path, object? body, HttpStatusCode expected, CancellationToken cancel)
    {
        using var admin = PublicAdmin();
        var response = body is null ? await admin.PostAsync(path, null, cancel) : await admin.PostAsJsonAsync(path, body, cancel);
        return await JsonAsync(response, expected, cancel);
    }

    /// <summary>
    /// Waits until nothing is on its way: no webhook in flight, and on both nodes nothing queued for the peer, waiting to
    /// be applied or to be read. A change on the private side is seen only at the private node's next JQL poll, so each round
    /// first waits for a whole poll that started after the round did; two quiet rounds in a row settle it.
    /// </summary>
    /// <param name="limit">How long settling may take: <see cref="SettleLimit"/> unless a phase queued more (thousands of issues' webhooks).</param>
    public async Task SettleAsync(CancellationToken cancel, TimeSpan? limit = null)
    {
        var settleLimit = limit ?? SettleLimit;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var quietRounds = 0; quietRounds < 2;)
        {
            if (watch.Elapsed > settleLimit)
                throw new BenchmarkFailedException($"The nodes did not settle within {settleLimit.TotalSeconds:0} s: {await QueuesAsync(cancel)}.");
            await WebhooksIdleAsync(settleLimit);
            var mark = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await Waiting.UntilAsync(() => PrivateLastPolledMs() > mark, "a JQL poll of the private node", settleLimit, cancel);
            // Polls run one after another, so the one ending after this one began after the mark.
            var first = PrivateLastPolledMs();
            await Waiting.UntilAsync(() => PrivateLastPolledMs() > first, "a second JQL poll of the private node", settleLimit, cancel);
            await WebhooksIdleAsync(settleLimit);
            quietRounds = await QueuesAsync(cancel) == "" ? quietRounds + 1 : 0;
        }
    }

    /// <summary>The non-empty queue depths of both sides ("" when all are 0).</summary>
    public async Task<string> QueuesAsync(CancellationToken cancel)
    {
        var busy = new List<string>();
        foreach (var publicSide in new[] { true, false })
        {
            var overview = await OverviewAsync(publicSide, cancel);
            foreach (var name in new[] { "queuedForPeer", "waitingToApply", "changedIssuesToRead" })
                if ((long)overview[name]! != 0)
                    busy.Add($"{(publicSide ? "public" : "private")} {name} {(long)overview[name]!}");
            foreach (var error in overview["errors"]?.AsArray() ?? [])
                busy.Add($"{(publicSide ? "public" : "private")} error: {error!.ToJsonString()}");
        }
        return string.Join(", ", busy);
    }

    /// <summary>The private node's connection cursor: when its change capture last finished a JQL poll (0 before the first).</summary>
    public long PrivateLastPolledMs() => PrivateDatabase.LastCapturePoll(ConnectionId);

    private async Task WebhooksIdleAsync(TimeSpan limit)
    {
        try
        {
            await Jira.Webhooks.WhenIdleAsync(limit);
        }
        catch (TimeoutException e)
        {
            throw new BenchmarkFailedException($"The simulated Jira's webhooks were still being sent after {limit.TotalSeconds:0} s: {e.Message}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Console?.Dispose();
            await Private.DisposeAsync();
        }
        finally
        {
            foreach (var node in Publics)
                await node.DisposeAsync();
            if (cluster is not null)
                await cluster.DisposeAsync();
            if (publicStore is not null)
                await publicStore.DisposeAsync();
            await Jira.DisposeAsync();
            DeleteFolder(root);
        }
    }

    /// <summary>Site A's admin initiates a Basic private connection on ACME; the partner's admin logs in to the console and accepts it on GLX.</summary>
    private async Task ConnectAsync(string consolePassword, CancellationToken cancel)
    {
        using (var admin = PublicAdmin())
        {
            var projects = await JsonAsync(await admin.GetAsync("api/admin/projects?query=ACME", cancel), HttpStatusCode.OK, cancel);
            var projectId = projects["projects"]!.AsArray().Single(p => (string?)p!["key"] == "ACME")!["id"]!.GetValue<string>();
            var initiated = await JsonAsync(await admin.PostAsJsonAsync("api/admin/connections", new { projectId, mode = "basic", type = "private" }, cancel),
                HttpStatusCode.Created, cancel);
            var code = initiated["invitationCode"]!.GetValue<string>();

            Console = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() })
            {
                BaseAddress = Private.BaseUrl,
                Timeout = TimeSpan.FromSeconds(30),
            };
            using (var login = await Console.PostAsJsonAsync("console/login", new { username = ConsoleUser, password = consolePassword }, cancel))
                if (login.StatusCode != HttpStatusCode.NoContent)
                    throw new BenchmarkFailedException($"The console login answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync(cancel)}");
            var accepted = await JsonAsync(await Console.PostAsJsonAsync("api/console/connections/accept", new { code, projectKey = "GLX" }, cancel),
                HttpStatusCode.Created, cancel);
            ConnectionId = accepted["id"]!.GetValue<string>();
        }
        await Waiting.UntilAsync(async () =>
        {
            using var admin = PublicAdmin();
            var list = await JsonAsync(await admin.GetAsync("api/admin/connections", cancel), HttpStatusCode.OK, cancel);
            return list["connections"]!.AsArray().Any(c => (string?)c!["id"] == ConnectionId && (string?)c["status"] == "active");
        }, "the public node shows the connection active", SetupLimit, cancel);
    }

    private static async Task<NodeProcess> StartNodeAsync(string name, string dataFolder, Dictionary<string, string> settings, int? port,
        IReadOnlyDictionary<string, string>? environment)
    {
        settings["contentRoot"] = RepositoryLayout.AddonProjectDirectory;
        // Measure the production configuration whatever this shell has set.
        var production = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        try
        {
            return await NodeProcess.StartAsync(settings, dataFolder, port, production, line => System.Console.Error.WriteLine($"[{name}] " + line));
        }
        catch (InvalidOperationException e)
        {
            var reason = e.Message.Split('\n')[0].TrimEnd('\r');
            throw new BenchmarkFailedException($"{reason} (its output is above, prefixed [{name}])", e);
        }
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancel)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancel);
            if (response.StatusCode != expected)
                throw new BenchmarkFailedException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {text}");
            return JsonNode.Parse(text)!;
        }
    }

    private static void DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* left to the temp folder's cleaning */ }
    }
}
