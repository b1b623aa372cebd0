using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Support;

/// <summary>
/// The app in-process on a fresh database (an SQLite file, or a PostgreSQL database: <see cref="TestStore"/>), with WireMock.Net playing Atlassian's install key server,
/// and helpers that act as a Jira site: install, send signed webhooks, read the database.
/// </summary>
public sealed class AddonHost : WebApplicationFactory<Program>
{
    public const string AppKey = "test-app";
    public const string BaseUrl = "https://addon.example.test";
    private readonly Dictionary<string, string?> settings;

    private readonly bool ownsDatabase;

    /// <param name="dataDirectory">An existing SQLite data folder to start on (a restart); by default a new one, deleted on dispose.</param>
    /// <param name="database">A database to start on, kept on dispose (a restart on either store); by default a new one of <paramref name="store"/>.</param>
    /// <param name="store">The store of a new database; by default <see cref="TestDatabase.DefaultStore"/>.</param>
    public AddonHost(Dictionary<string, string?>? overrides = null, string? dataDirectory = null, TestDatabase? database = null, TestStore? store = null)
    {
        ownsDatabase = database is null && dataDirectory is null;
        Database = database ?? TestDatabase.Create(store ?? (dataDirectory is null ? TestDatabase.DefaultStore : TestStore.Sqlite), dataDirectory);
        DataDirectory = Database.DataDirectory;
        KeyServer = WireMockServer.Start();
        InstallKey = new InstallKeyPair();
        ServeInstallKey(InstallKey);
        settings = new()
        {
            ["Addon:BaseUrl"] = BaseUrl,
            ["Addon:Key"] = AppKey,
            ["Connect:InstallKeysBaseUrl"] = KeyServer.Url,
            ["Logging:LogLevel:Default"] = "Warning",
            // These tests look at what the node records and answers (webhooks, queues, connections); with the sync
            // paused its workers do not consume those rows meanwhile. The sync itself is tested end to end over real
            // processes (tests/EndToEnd.Tests/Sync); a test here that wants it running overrides this.
            ["Sync:Enabled"] = "false",
            // Jira sites here are the simulator or WireMock on loopback, over http; the guard's own tests turn this off.
            ["Transport:AllowInsecureDestinations"] = "true",
        };
        foreach (var (key, value) in Database.Settings)
            settings[key] = value;
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;
    }

    /// <summary>The database the app runs on; <see cref="Db"/> reads it.</summary>
    public TestDatabase Database { get; }
    public string DataDirectory { get; }
    public string DatabaseFile => Path.Combine(DataDirectory, "addon.db");
    public WireMockServer KeyServer { get; }
    public InstallKeyPair InstallKey { get; }

    /// <summary>Everything the app logged, at every level.</summary>
    public LogCapture Logs { get; } = new();

    public void ServeInstallKey(InstallKeyPair key) =>
        KeyServer.Given(Request.Create().WithPath("/" + key.Kid).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/plain").WithBody(key.PublicKeyPem));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(_ => true));
    }

    /// <summary>Installs a site as Jira does (RS256 signed install) and returns it; asserts the app accepted it.</summary>
    public async Task<JiraSite> InstallAsync(string? clientKey = null, string siteBaseUrl = "https://acme.atlassian.net")
    {
        var site = new JiraSite(clientKey ?? "client-" + Guid.NewGuid().ToString("N")[..8], siteBaseUrl, LifecycleBody.NewSharedSecret());
        using var response = await SendInstallAsync("installed", LifecycleBody.For("installed", AppKey, site.ClientKey, site.BaseUrl, site.SharedSecret));
        Assert.That((int)response.StatusCode, Is.EqualTo(204), await response.Content.ReadAsStringAsync());
        return site;
    }

    /// <summary>POSTs a lifecycle body to /lifecycle/{eventType}, signed as Atlassian signs installs, unless a token is given.</summary>
    public Task<HttpResponseMessage> SendInstallAsync(string route, JsonObject body, string? token = null, Func<JsonObject, JsonObject>? claims = null)
    {
        var issuer = body["clientKey"]?.GetValue<string>() ?? "unknown";
        var claimSet = TokenMinter.Claims(issuer, Qsh.Of("POST", "/lifecycle/" + route));
        claimSet["aud"] = BaseUrl;
        token ??= TokenMinter.Rs256(InstallKey.Rsa, InstallKey.Kid, claims?.Invoke(claimSet) ?? claimSet);
        return PostJsonAsync("/lifecycle/" + route, body.ToJsonString(), token);
    }

    public async Task<HttpResponseMessage> PostJsonAsync(string pathAndQuery, string json, string? token, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        configure?.Invoke(request);
        return await CreateClient().SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        KeyServer.Stop();
        KeyServer.Dispose();
        InstallKey.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsDatabase)
            Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
