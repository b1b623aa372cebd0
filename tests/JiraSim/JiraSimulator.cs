using JiraSim.Faults;
using JiraSim.Model;
using JiraSim.Seed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JiraSim;

/// <summary>
/// A simulated Jira Cloud with several sites, served over real HTTP on loopback. Tests start one in-process:
/// <code>await using var jira = await JiraSimulator.StartAsync();</code> then use <see cref="Site"/> to seed and
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

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
