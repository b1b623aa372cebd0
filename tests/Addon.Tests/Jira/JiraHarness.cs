using ConnectAddon.Connect.Tenants;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Transport;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.Server;

namespace ConnectAddon.Tests.Jira;

/// <summary>
/// The Jira client wired exactly as the app wires it (<see cref="JiraSetup.AddJira"/> from configuration), with
/// timings shortened through <c>Jira:Resilience</c>, and WireMock servers playing Jira sites under a path prefix.
/// </summary>
public sealed class JiraHarness : IDisposable
{
    public const string Email = "sync-bot@example.com";
    public const string ApiToken = "ATATT-api-token-SECRET-3x4mpl3";
    public const string PersonalAccessToken = "pat-SECRET-0123456789";
    public const string Prefix = "/site-a";

    private readonly List<WireMockServer> sites = [];

    public JiraHarness(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jira:Resilience:AttemptTimeout"] = "00:00:02",
            ["Jira:Resilience:TotalTimeout"] = "00:00:10",
            ["Jira:Resilience:TransferTimeout"] = "00:00:10",
            ["Jira:Resilience:MaxAttempts"] = "3",
            ["Jira:Resilience:BackoffBase"] = "00:00:00.010",
            ["Jira:Resilience:MaxBackoff"] = "00:00:00.050",
            ["Jira:Resilience:MaxRetryAfter"] = "00:00:05",
            ["Jira:Resilience:MaxTotalRetryWait"] = "00:00:05",
            // Out of the way unless a test is about the circuit.
            ["Jira:Resilience:CircuitMinimumThroughput"] = "1000",
            // The sites are WireMock servers on loopback, over http.
            ["Transport:AllowInsecureDestinations"] = "true",
        };
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        // A database of its own: the quota pauses (Jira/Quota) are kept there.
        services.AddSingleton(StoreSettings.For(database, NodeRole.Private, AddonHost.AppKey) with { BaseUrl = new Uri(AddonHost.BaseUrl) });
        services.AddSingleton<ConnectAddon.Storage.Database>();
        services.AddJira();
        services.AddTransport(); // the destination guard of the tenant client
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Factory = Services.GetRequiredService<JiraClientFactory>();
        Directory.CreateDirectory(database.DataDirectory);
        new ConnectAddon.Storage.Migrator(Services.GetRequiredService<ConnectAddon.Storage.Database>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ConnectAddon.Storage.Migrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
    }

    private readonly TestDatabase database = TestDatabase.Create(TestStore.Sqlite, purpose: "jira_harness");

    public ServiceProvider Services { get; }
    public JiraClientFactory Factory { get; }

    /// <summary>Everything the client and its pipeline logged, at every level.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>A new Jira site; stopped with the harness.</summary>
    public WireMockServer StartSite()
    {
        var site = WireMockServer.Start();
        sites.Add(site);
        return site;
    }

    public static Uri BaseUrl(WireMockServer site) => new(site.Url + Prefix);

    /// <summary>A private node's client for the site, with an API token.</summary>
    public JiraClient ApiTokenClient(WireMockServer site) => Factory.For(BaseUrl(site), JiraCredentials.ApiToken(Email, ApiToken));

    public JiraClient PersonalAccessTokenClient(WireMockServer site) => Factory.For(BaseUrl(site), JiraCredentials.PersonalAccessToken(PersonalAccessToken));

    public static Tenant TenantAt(WireMockServer site) => new()
    {
        ClientKey = "client-" + Guid.NewGuid().ToString("N")[..8],
        AppKey = AddonHost.AppKey,
        BaseUrl = BaseUrl(site),
        SharedSecret = LifecycleBody.NewSharedSecret(),
    };

    public void Dispose()
    {
        // A test may have disposed its site already; disposing twice is harmless.
        foreach (var site in sites)
            site.Dispose();
        Services.Dispose();
        database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
