using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using JiraSim;
using JiraSim.Model;
using JiraSim.Seed;
using JiraSim.Forge;
using Sandbox;

namespace EndToEnd.Tests.Transport;

/// <summary>
/// The product on one machine, as the sandbox runs it but with quick polling: the simulated Jira (sites A and B) in
/// this process, a public node installed into site A and a private node on site B, each an OS process of its own on a
/// free port. The private node's console is bound to another loopback address than the public node (127.0.0.2 where
/// the system lets a program bind it, as Linux does for all of 127.0.0.0/8), standing in for its intranet interface.
/// The private node is told the public node's address only through the invitation code.
/// With <c>publicNodes</c> above one, the public node is that many processes on one PostgreSQL database behind a
/// reverse proxy on loopback (<see cref="LoopbackProxy"/>), as README "Running on PostgreSQL and several processes" has it:
/// Jira, the pages and the private node reach them only through the proxy.
/// </summary>
public sealed class NodePair : IAsyncDisposable
{
    public const string AppKey = "io.example.outbound-only";
    public const string ConsoleUser = "admin";
    private const string SiteAAdmin = "557058:a-admin";

    private NodePair(JiraSimulator jira, SimApp? app, ForgeInstall? forgeApp, IReadOnlyList<NodeProcess> publicNodes, NodeProcess privateNode, string consolePassword,
        string root, IReadOnlyDictionary<string, string> publicSettings, IReadOnlyDictionary<string, string> privateSettings, PublicCluster? cluster)
    {
        Jira = jira;
        App = app;
        ForgeApp = forgeApp;
        Publics = publicNodes.ToList();
        this.cluster = cluster;
        Private = privateNode;
        ConsolePassword = consolePassword;
        this.root = root;
        this.publicSettings = publicSettings;
        this.privateSettings = privateSettings;
    }

    private readonly string root;
    private readonly PublicCluster? cluster;
    private readonly IReadOnlyDictionary<string, string> publicSettings;
    private readonly IReadOnlyDictionary<string, string> privateSettings;

    public JiraSimulator Jira { get; }
    /// <summary>The public node's processes: one, or several behind the proxy.</summary>
    public List<NodeProcess> Publics { get; }

    /// <summary>The public node (its first process, when there are several).</summary>
    public NodeProcess Public => Publics[0];

    /// <summary>Where Jira, the pages and the private node reach the public node: the proxy, or the one process.</summary>
    public Uri PublicUrl => cluster?.Proxy.BaseUrl ?? Public.BaseUrl;

    /// <summary>The public node's PostgreSQL database, when it runs as several processes.</summary>
    public TestDatabase? PublicDatabase => cluster?.Database;
    public NodeProcess Private { get; private set; }
    public string ConsolePassword { get; }
    private SimApp? App { get; }

    /// <summary>Site A's Forge app, when site A installed the public node through Forge (else the Connect <see cref="App"/>).</summary>
    public ForgeInstall? ForgeApp { get; }

    /// <summary>Where the public node listens: the only endpoint of it that the private node is meant to reach.</summary>
    public IPEndPoint PublicEndpoint => Endpoint(Public.BaseUrl);

    /// <summary>Where the private node's console listens: meant for the partner's admins on their intranet.</summary>
    public IPEndPoint ConsoleEndpoint => Endpoint(Private.BaseUrl);

    /// <param name="privateSettings">Settings of the private node over the ones here (e.g. <c>PrivateNode:Exchange:WaitSeconds</c>).</param>
    /// <param name="publicSettings">Settings of the public node over the ones here (e.g. <c>Sync:CatchUpInterval</c>).</param>
    /// <param name="install">How site A installed the public node: as the Forge app (triggers, app tokens; today's way) or the Connect app (webhooks, signed calls).</param>
    /// <param name="privateJira">The private node's Jira: site B (Jira Cloud) or site-dc (Jira Data Center).</param>
    /// <param name="publicNodes">How many processes the public node runs as (above one: on PostgreSQL, behind a proxy).</param>
    public static async Task<NodePair> StartAsync(IReadOnlyDictionary<string, string>? privateSettings = null, IReadOnlyDictionary<string, string>? publicSettings = null,
        AppInstall install = AppInstall.Forge, PrivateJira privateJira = PrivateJira.Cloud, int publicNodes = 1)
    {
        // The nodes' data folders live under one root of ours, so a node can be killed and started again on its data.
        var root = Directory.CreateTempSubdirectory("node-pair-").FullName;
        var jira = await JiraSimulator.StartAsync(DefaultSeed.Create());
        var password = "outbound-" + Guid.NewGuid().ToString("N")[..12];
        var consoleAddress = ConsoleAddress();
        var consoleUrl = $"http://{consoleAddress}:{FreePort(consoleAddress)}";
        var privateAll = new Dictionary<string, string>
        {
            ["urls"] = consoleUrl,
            ["Addon:BaseUrl"] = consoleUrl,
            ["Node:Role"] = "private",
            ["Addon:Key"] = AppKey,
            ["PrivateNode:Name"] = "Globex private node",
            // Loopback over plain HTTP, as the sandbox; real deployments use HTTPS and keep this off.
            ["PrivateNode:AllowInsecurePublicNode"] = "true",
            ["PrivateNode:Exchange:ConnectionRefresh"] = "00:00:00.250",
            ["PrivateNode:Exchange:MinBackoff"] = "00:00:00.200",
            ["PrivateNode:Exchange:MaxBackoff"] = "00:00:02",
            ["Console:AdminPassword"] = password,
        };
        foreach (var (key, value) in PrivateJiraSite.Settings(jira, privateJira))
            privateAll[key] = value;
        foreach (var (key, value) in privateSettings ?? new Dictionary<string, string>())
            privateAll[key] = value;

        var publicAll = PublicNodeApp.Settings(jira, AppKey);
        foreach (var (key, value) in publicSettings ?? new Dictionary<string, string>())
            publicAll[key] = value;
        var cluster = publicNodes > 1 ? await PublicCluster.StartAsync(publicNodes, Path.Combine(root, "public-shared")) : null;
        var publicStarts = cluster is null
            ? [NodeProcess.StartAsync(publicAll, Path.Combine(root, "public"), NodeProcess.FreePort())]
            : cluster.Ports.Select((port, i) => NodeProcess.StartAsync(cluster.SettingsOf(publicAll, port), Path.Combine(root, $"public-{i + 1}"), port, cluster.Environment)).ToList();
        var privateStart = NodeProcess.StartAsync(privateAll, Path.Combine(root, "private"));
        try
        {
            await Task.WhenAll(publicStarts.Append(privateStart));
            var baseUrl = cluster?.Proxy.BaseUrl ?? publicStarts[0].Result.BaseUrl;
            var (app, forgeApp) = install == AppInstall.Forge
                ? ((SimApp?)null, await PublicNodeApp.InstallForgeAsync(jira, "site-a", baseUrl))
                : (await jira.InstallAppAsync("site-a", new Uri(baseUrl, "atlassian-connect.json")), (ForgeInstall?)null);
            return new NodePair(jira, app, forgeApp, publicStarts.Select(s => s.Result).ToList(), privateStart.Result, password, root, publicAll, privateAll, cluster);
        }
        catch
        {
            foreach (var start in publicStarts.Append(privateStart))
                if (start.IsCompletedSuccessfully)
                    await start.Result.DisposeAsync();
            if (cluster is not null)
                await cluster.DisposeAsync();
            await jira.DisposeAsync();
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>kill -9 the public node, then start it again on the same data folder and port.</summary>
    public async Task KillAndRestartPublicAsync()
    {
        var killed = Public;
        await killed.KillAsync();
        await killed.DisposeAsync();
        Publics[0] = await NodeProcess.StartAsync(publicSettings, killed.DataFolder, killed.BaseUrl.Port);
    }

    /// <summary>kill -9 the private node, then start it again on the same data folder and console address.</summary>
    public async Task KillAndRestartPrivateAsync()
    {
        await Private.KillAsync();
        await Private.DisposeAsync();
        Private = await NodeProcess.StartAsync(privateSettings, Private.DataFolder);
    }

    /// <summary>
    /// A client of the public node's admin API as site A's Jira admin, with what the page's calls carry: in Connect what
    /// AP.context.getToken() gives (HS256 under the tenant's shared secret, qsh "context-qsh", valid for a few minutes);
    /// in Forge what invokeRemote's call carries (a Forge Invocation Token for the admin page, valid 25 s, and the app token).
    /// </summary>
    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = PublicUrl };
        if (ForgeApp is { } forge)
        {
            SimUser admin;
            lock (Jira.Site("site-a").Sync)
                admin = Jira.Site("site-a").FindUser(SiteAAdmin)!;
            var fit = Jira.Forge.Token(forge, "jira:adminPage", "connections", admin, new JsonObject { ["type"] = "jira:adminPage" });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fit);
            client.DefaultRequestHeaders.Add("x-forge-oauth-system", forge.AppToken);
            return client;
        }
        var token = TokenMinter.Hs256(App!.SharedSecret, TokenMinter.Claims(Jira.ClientKey("site-a"), "context-qsh", subject: SiteAAdmin));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("JWT", token);
        return client;
    }

    /// <summary>Site A's Jira admin initiates a private connection in Basic mode on ACME through the admin API, as the Connections page does; the invitation code.</summary>
    public async Task<string> InitiateAsync()
    {
        using var page = AdminClient();

        var projects = await JsonAsync(await page.GetAsync("api/admin/projects?query=ACME"), HttpStatusCode.OK);
        var projectId = projects["projects"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "ACME")!["id"]!.GetValue<string>();
        var initiated = await JsonAsync(await page.PostAsJsonAsync("api/admin/connections", new { projectId, mode = "basic", type = "private" }), HttpStatusCode.Created);
        return initiated["invitationCode"]!.GetValue<string>();
    }

    /// <summary>A client of the private node's console, logged in as its admin (the partner's browser, without the page).</summary>
    public async Task<HttpClient> LogInToConsoleAsync()
    {
        var console = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = Private.BaseUrl };
        try
        {
            using var login = await console.PostAsJsonAsync("console/login", new { username = ConsoleUser, password = ConsolePassword });
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await login.Content.ReadAsStringAsync());
            return console;
        }
        catch
        {
            console.Dispose();
            throw;
        }
    }

    /// <summary>The partner's admin accepts the code in the console on GLX; the connection's id, once it is active.</summary>
    public static async Task<string> AcceptAsync(HttpClient console, string code)
    {
        var accepted = await JsonAsync(await console.PostAsJsonAsync("api/console/connections/accept", new { code, projectKey = "GLX" }), HttpStatusCode.Created);
        Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("active"), accepted.ToJsonString());
        return accepted["id"]!.GetValue<string>();
    }

    /// <summary>Both nodes' output so far, for failure messages.</summary>
    public string Output() =>
        string.Concat(Publics.Select((p, i) => $"Public node{(Publics.Count > 1 ? $" process {i + 1}" : "")}:" + Environment.NewLine + string.Join(Environment.NewLine, p.Output) + Environment.NewLine))
        + "Private node:" + Environment.NewLine + string.Join(Environment.NewLine, Private.Output);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Private.DisposeAsync();
        }
        finally
        {
            foreach (var node in Publics)
                await node.DisposeAsync();
            if (cluster is not null)
                await cluster.DisposeAsync();
            await Jira.DisposeAsync();
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { /* a file still held open is left to the temp folder's cleaning */ }
        }
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
            return JsonNode.Parse(text)!;
        }
    }

    private static IPEndPoint Endpoint(Uri url) => new(IPAddress.Parse(url.Host), url.Port);

    /// <summary>127.0.0.2 where this system lets a program listen on it; otherwise 127.0.0.1 (the console then differs by port only).</summary>
    private static IPAddress ConsoleAddress()
    {
        var other = IPAddress.Parse("127.0.0.2");
        try
        {
            using var probe = new TcpListener(other, 0);
            probe.Start();
            return other;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
