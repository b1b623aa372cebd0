using ConnectAddon.TestKit;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConnectAddon.PrivateConsole.Poller;
using ConnectAddon.PrivateConsole.PublicNode;
using ConnectAddon.Tests.Connections;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Exchange;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Exchange;

/// <summary>
/// A public node (<see cref="PublicNodeHarness"/>) and a private node, both in-process, paired by the real invitation
/// flow: the public admin initiates, the private console accepts. The private node's HTTP clients reach the public
/// node's test server, through <see cref="Faults"/>, so a test can lose answers on the way.
/// </summary>
public sealed class ExchangePair : IAsyncDisposable
{
    private ExchangePair(PublicNodeHarness publicNode, AddonHost privateHost, WebApplicationFactory<Program> privateApp, ExchangeFaults faults, string id)
    {
        Public = publicNode;
        PrivateHost = privateHost;
        PrivateApp = privateApp;
        Faults = faults;
        ConnectionId = id;
    }

    public PublicNodeHarness Public { get; }
    public AddonHost PrivateHost { get; }
    public WebApplicationFactory<Program> PrivateApp { get; }
    public ExchangeFaults Faults { get; }
    public string ConnectionId { get; }

    public Outbox PublicOutbox => Public.App.Services.GetRequiredService<Outbox>();
    public Outbox PrivateOutbox => PrivateApp.Services.GetRequiredService<Outbox>();

    /// <param name="poller">Settings of the private node's poller (<c>PrivateNode:Exchange:…</c>) over quick test defaults.</param>
    public static async Task<ExchangePair> StartAsync(Dictionary<string, string?>? poller = null)
    {
        var publicNode = await PublicNodeHarness.StartAsync(services: s => s.AddSingleton(TimeProvider.System));
        var (id, code, _) = await publicNode.InitiateAsync();

        var settings = PrivateNode.Settings(publicNode.Jira.Site("site-b").BaseUrl);
        settings["PrivateNode:Exchange:MinBackoff"] = "00:00:00.100";
        settings["PrivateNode:Exchange:MaxBackoff"] = "00:00:01";
        settings["PrivateNode:Exchange:ConnectionRefresh"] = "00:00:00.200";
        foreach (var (key, value) in poller ?? [])
            settings[key] = value;
        var faults = new ExchangeFaults();
        var privateHost = new AddonHost(settings);
        var privateApp = privateHost.WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddHttpClient(PublicNodeClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => publicNode.App.Server.CreateHandler());
            s.AddHttpClient(ExchangeClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => publicNode.App.Server.CreateHandler())
                .AddHttpMessageHandler(() => new FaultingHandler(faults));
        }));

        using var browser = privateApp.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password }))
            Assert.That(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        using (var accept = await browser.PostAsJsonAsync("/api/console/connections/accept", new { code, projectKey = "GLX" }))
            Assert.That((int)accept.StatusCode, Is.EqualTo(201), await accept.Content.ReadAsStringAsync());
        return new ExchangePair(publicNode, privateHost, privateApp, faults, id);
    }

    /// <summary>The payloads stored in a node's inbox ('in') or outbox ('out') for the connection, in sequence order.</summary>
    public Task<List<string>> PublicEventsAsync(string direction) => EventsAsync(Public.Host.Database, ConnectionId, direction);
    public Task<List<string>> PrivateEventsAsync(string direction) => EventsAsync(PrivateHost.Database, ConnectionId, direction);

    public static Task<List<string>> EventsAsync(TestDatabase database, string connectionId, string direction) =>
        database.QueryAsync<string>(
            "SELECT payload FROM sync_events WHERE connection_id = @connectionId AND direction = @direction ORDER BY sequence",
            new { connectionId, direction });

    public static Task<T?> ScalarAsync<T>(TestDatabase database, string sql, object? args = null) => database.ScalarAsync<T>(sql, args);

    public static string Payload(int n) => new JsonObject { ["n"] = n }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await PrivateApp.DisposeAsync();
        PrivateHost.Dispose();
        await Public.DisposeAsync();
    }
}
