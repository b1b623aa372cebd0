using JiraSim.Connect;
using JiraSim.Faults;
using JiraSim.Forge;
using JiraSim.Model;
using JiraSim.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JiraSim;

/// <summary>
/// A simulated Jira with several sites (Jira Cloud, or Jira Data Center where the seed says so), served over real
/// HTTP on loopback. Tests start one in-process: <code>await using var jira = await JiraSimulator.StartAsync();</code> then use <see cref="Site"/> to seed and
/// inspect, and the sites' base URLs as a Jira's.
/// </summary>
public sealed class JiraSimulator : IAsyncDisposable
{
    private readonly WebApplication app;

    private JiraSimulator(WebApplication app, SimulatorState state, Uri rootUrl)
    {
        this.app = app;
        State = state;
        RootUrl = rootUrl;
    }

    public SimulatorState State { get; }
    /// <summary>The process's address; site K is at <c>{RootUrl}/K</c>.</summary>
    public Uri RootUrl { get; }

    public static async Task<JiraSimulator> StartAsync(SeedDocument? seed = null, string url = "http://127.0.0.1:0", TimeProvider? clock = null, string[]? args = null)
    {
        var state = new SimulatorState(clock ?? TimeProvider.System);
        var app = SimulatorApp.Create([.. args ?? [], "--urls", url], state);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var rootUrl = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1"));
        foreach (var site in (seed ?? DefaultSeed.Create()).Sites)
            state.AddSite(SiteBuilder.Build(site, rootUrl, state.Clock));
        return new JiraSimulator(app, state, rootUrl);
    }

    public SimSite Site(string key) => State.FindSite(key) ?? throw new ArgumentException($"No site '{key}'.", nameof(key));

    public FaultInjector Faults(string siteKey) => State.Faults(Site(siteKey).Key);

    /// <summary>Configure the app with <c>Connect:InstallKeysBaseUrl</c> = this; the simulator's key is at <c>{this}/{kid}</c>.</summary>
    public Uri InstallKeysBaseUrl => new(RootUrl, "install-keys");

    /// <summary>Switches that make webhooks late, duplicated, reordered or lost; the delivery log; waiting until idle.</summary>
    public WebhookSwitches Webhooks => State.Connect.Webhooks;

    /// <summary>The <c>clientKey</c> the site presents to every app it installs.</summary>
    public string ClientKey(string siteKey) => State.Connect.Identity(Site(siteKey)).ClientKey;

    /// <summary>Installs (or reinstalls, with a new secret) the app whose descriptor is at <paramref name="descriptorUrl"/>; throws <see cref="AppInstallException"/> when it refuses.</summary>
    public Task<SimApp> InstallAppAsync(string siteKey, Uri descriptorUrl, CancellationToken cancel = default) =>
        State.Connect.Installer.InstallAsync(Site(siteKey), descriptorUrl, cancel);

    /// <summary>Tells the app it is uninstalled (signed like the install) and removes it, whatever it answers.</summary>
    public Task<LifecycleCall?> UninstallAppAsync(string siteKey, string appKey, CancellationToken cancel = default) =>
        State.Connect.Installer.UninstallAsync(Site(siteKey), appKey, cancel);

    /// <summary>Disables or enables an installed app, with the <c>disabled</c>/<c>enabled</c> callback.</summary>
    public Task<LifecycleCall?> SetAppEnabledAsync(string siteKey, string appKey, bool enabled, CancellationToken cancel = default) =>
        State.Connect.Installer.SetEnabledAsync(Site(siteKey), appKey, enabled, cancel);

    /// <summary>Configure the app with <c>Forge:JwksUrl</c> = this: the keys the simulator signs Forge Invocation Tokens with.</summary>
    public Uri ForgeJwksUrl => new(RootUrl, "_forge/jwks.json");

    /// <summary>The Forge platform: installs, invocation tokens, triggers, the call log, the call policy.</summary>
    public ForgeRuntime Forge => State.Forge;

    /// <summary>Deploys the Forge app of <paramref name="manifestPath"/> (its <c>${VARIABLES}</c> filled in from <paramref name="variables"/>) and installs it on the site.</summary>
    public Task<ForgeInstall> InstallForgeAppAsync(string siteKey, string manifestPath, IReadOnlyDictionary<string, string> variables, CancellationToken cancel = default) =>
        State.Forge.InstallAsync(Site(siteKey), ForgeManifest.Load(manifestPath, variables), cancel);

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await State.Connect.DisposeAsync();
        await State.Forge.DisposeAsync();
    }
}
