using System.Collections.Concurrent;
using ConnectAddon.TestKit;
using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// Jira's side of Atlassian Connect for one simulator: the install-signing key pair it publishes (as Atlassian's
/// install key server does), each site's identity towards apps, the lifecycle (<see cref="Installer"/>) and the
/// webhooks (<see cref="Webhooks"/>). Timers run on real time, so a test's manual clock cannot stall deliveries;
/// tokens and timestamps use the simulator's clock.
/// </summary>
public sealed class ConnectRuntime : IAsyncDisposable
{
    // One install key for the process: making an RSA key takes a while, and a kid names one key forever, so
    // simulators in one test run may share it as sites share Atlassian's key server.
    private static readonly Lazy<InstallKeyPair> SharedInstallKey = new(() => new InstallKeyPair("jirasim-" + Guid.NewGuid().ToString("N")[..16]));
    private readonly ConcurrentDictionary<string, SiteIdentity> identities = new(StringComparer.Ordinal);
    private readonly HttpClient http;
    private readonly WebhookDispatcher dispatcher;

    public ConnectRuntime(SimulatorState state)
    {
        // Redirects are not followed: an app's answer is what it said, as Jira records it.
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each call has its own limit
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("JiraSim-Connect/1.0");
        Installer = new AppInstaller(state, http, this);
        dispatcher = new WebhookDispatcher(state, http, this);
    }

    /// <summary>Served as PEM at <c>{RootUrl}install-keys/{kid}</c>; signs every installed and uninstalled callback.</summary>
    public InstallKeyPair InstallKey => SharedInstallKey.Value;

    public AppInstaller Installer { get; }

    public WebhookSwitches Webhooks => dispatcher.Switches;

    public SiteIdentity Identity(SimSite site) => identities.GetOrAdd(site.Key, _ => SiteIdentity.New());

    public async ValueTask DisposeAsync()
    {
        await dispatcher.DisposeAsync();
        http.Dispose();
    }
}
