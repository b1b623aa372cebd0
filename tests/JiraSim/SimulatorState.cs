using System.Collections.Concurrent;
using JiraSim.Connect;
using JiraSim.Faults;
using JiraSim.Forge;
using JiraSim.Model;

namespace JiraSim;

/// <summary>Everything one simulator process holds: its sites, and per site the armed faults and write throttle.</summary>
public sealed class SimulatorState(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SimSite> sites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FaultInjector> faults = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PerIssueWriteThrottle> throttles = new(StringComparer.Ordinal);

    public TimeProvider Clock { get; } = clock;
    public IReadOnlyCollection<SimSite> Sites => sites.Values.ToList();

    /// <summary>Sites are added once the server knows its address, since their base URLs contain it.</summary>
    public void AddSite(SimSite site)
    {
        if (!sites.TryAdd(site.Key, site))
            throw new InvalidOperationException($"Site {site.Key} exists.");
        SiteAdded?.Invoke(site);
    }

    public event Action<SimSite>? SiteAdded;

    public SimSite? FindSite(string? key) => key is not null && sites.TryGetValue(key, out var site) ? site : null;

    public FaultInjector Faults(string siteKey) => faults.GetOrAdd(siteKey, _ => new FaultInjector());

    public PerIssueWriteThrottle Throttle(string siteKey) => throttles.GetOrAdd(siteKey, _ => new PerIssueWriteThrottle(Clock));

    /// <summary>The apps' hourly points quota (off unless set: <see cref="PlayQuota"/>).</summary>
    public PointsQuota? Quota { get; private set; }

    /// <summary>
    /// Meters apps' calls to every Cloud site at <paramref name="points"/> an hour (or a shorter <paramref name="window"/>,
    /// for a benchmark): one quota across all sites (Atlassian's default tier), or one per site.
    /// </summary>
    public PointsQuota PlayQuota(int points, bool perTenant = false, TimeSpan? window = null) => Quota = new PointsQuota(Clock, points, perTenant, window);

    private readonly Lock connectSync = new();
    private ConnectRuntime? connect;

    private ForgeRuntime? forge;

    /// <summary>The Forge platform's side: Forge apps installed from their manifest, invocation tokens, triggers, Custom UI (see Forge/README.md).</summary>
    public ForgeRuntime Forge
    {
        get
        {
            lock (connectSync)
                return forge ??= new ForgeRuntime(this);
        }
    }

    /// <summary>The site whose cloudId this is (a Forge app's API base URL names it).</summary>
    public SimSite? FindSiteByCloudId(string? cloudId) => cloudId is null ? null : Sites.FirstOrDefault(s => Connect.Identity(s).CloudId == cloudId);

    /// <summary>Jira's Connect side: app installs, webhooks, the install key (see Connect/README.md). Made on first use.</summary>
    public ConnectRuntime Connect
    {
        get
        {
            lock (connectSync)
                return connect ??= new ConnectRuntime(this);
        }
    }
}
