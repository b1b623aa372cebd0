using System.Net;
using System.Net.Http.Json;
using ConnectAddon.Tests.Support;
using JiraSim;
using JiraSim.Seed;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace ConnectAddon.Tests.PrivateConsole;

/// <summary>
/// A private node in-process on a fresh database, whose Jira is the simulator's site-b and whose public node is a
/// WireMock server (under a path prefix, as behind a reverse proxy) serving the invitation routes of transport v1.
/// </summary>
public sealed class PrivateNode : IAsyncDisposable
{
    public const string Password = "correct-horse-battery-staple";
    public const string NodeName = "Globex intranet";

    private PrivateNode(JiraSimulator jira, WireMockServer publicNode, AddonHost host)
    {
        Jira = jira;
        PublicNode = publicNode;
        Host = host;
    }

    public JiraSimulator Jira { get; }
    public WireMockServer PublicNode { get; }
    public AddonHost Host { get; }
    public Uri PublicNodeUrl => new(PublicNode.Url + PublicPrefix);
    public const string PublicPrefix = "/acme-sync";

    /// <param name="overrides">Settings over the defaults; a null value removes a default.</param>
    /// <param name="seed">The simulator's sites, when not the default seed.</param>
    /// <param name="jiraSite">The simulator's site that is this node's Jira (its base URL has a path, like a context path).</param>
    /// <param name="beforeStart">What the simulator plays before the node starts (a fault its start-up check must meet).</param>
    public static async Task<PrivateNode> StartAsync(Dictionary<string, string?>? overrides = null, string? dataDirectory = null, SeedDocument? seed = null,
        string jiraSite = "site-b", Action<JiraSimulator>? beforeStart = null)
    {
        var jira = await JiraSimulator.StartAsync(seed);
        beforeStart?.Invoke(jira);
        var settings = Settings(jira.Site(jiraSite).BaseUrl);
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;
        var node = new PrivateNode(jira, WireMockServer.Start(), new AddonHost(settings, dataDirectory));
        _ = node.Host.Services; // starts the node: migrations, settings, the console credential
        return node;
    }

    public static Dictionary<string, string?> Settings(Uri jiraBaseUrl) => new()
    {
        ["Node:Role"] = "private",
        ["PrivateNode:Name"] = NodeName,
        ["PrivateNode:Jira:BaseUrl"] = jiraBaseUrl.ToString(),
        ["PrivateNode:Jira:Email"] = "admin@b.example",
        ["PrivateNode:Jira:ApiToken"] = DefaultSeed.AdminToken,
        ["PrivateNode:AllowInsecurePublicNode"] = "true",
        ["Console:AdminPassword"] = Password,
        // What the private node records (capture, exchange) is looked at here; the sync that consumes it is paused.
        ["Sync:Enabled"] = "false",
    };

    /// <summary>A browser without a session; it keeps the cookies it is given.</summary>
    public HttpClient Browser(string baseAddress = "http://localhost") =>
        Host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser logged in as the console's admin.</summary>
    public Task<HttpClient> LoggedInAsync() => LoggedInAsync(Host);

    /// <summary>The same node with some of its services replaced (a clock, a DNS) for one test; dispose it before the node.</summary>
    public WebApplicationFactory<Program> WithServices(Action<IServiceCollection> replace) =>
        Host.WithWebHostBuilder(web => web.ConfigureTestServices(replace));

    /// <summary>A browser of <paramref name="app"/> logged in as the console's admin.</summary>
    public static async Task<HttpClient> LoggedInAsync(WebApplicationFactory<Program> app)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password = Password });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await login.Content.ReadAsStringAsync());
        return browser;
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        PublicNode.Stop();
        PublicNode.Dispose();
        await Jira.DisposeAsync();
    }
}
