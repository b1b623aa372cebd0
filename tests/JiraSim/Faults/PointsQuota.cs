using System.Text.Json;

namespace JiraSim.Faults;

/// <summary>
/// Jira Cloud's hourly points quota for apps, as Atlassian's "Rate limiting" page describes it
/// (https://developer.atlassian.com/cloud/jira/platform/rate-limiting, 2026): every app request costs points, "a base
/// cost of 1 point, and additional points … for each object involved"; "Write requests are charged only the base
/// cost"; issues, projects, attachments (and objects not listed: comments, fields) cost 1 each, users, groups, project
/// roles and permissions 2 each. Quotas are "measured in points per hour and reset at the top of each UTC hour", and
/// once spent "All requests are denied until the next hourly reset": 429 with <c>RateLimit-Reason</c>
/// (<c>jira-quota-global-based</c> for the default tier's one quota across all tenants, <c>jira-quota-tenant-based</c>
/// for a tenant's own), <c>Retry-After</c> in seconds and <c>X-RateLimit-Reset</c> at the hour. Answers carry
/// <c>Beta-RateLimit-Policy: "global-app-quota";q=…;w=3600</c> and <c>Beta-RateLimit: "…";r=…;t=…</c>. API-token
/// traffic is not metered ("API token-based traffic is not affected"). Search results cost one point per issue
/// returned, as partners measured it (community thread "2026 point-based rate limits"); Atlassian publishes no rule.
/// A benchmark may shrink the hour (<see cref="Window"/>, e.g. a minute, with the quota scaled down alike) to see
/// pacing across several resets in minutes; windows start at multiples of it since the epoch, so an hour's window
/// starts at the top of the UTC hour, as Jira's.
/// </summary>
public sealed class PointsQuota(TimeProvider clock, int points, bool perTenant, TimeSpan? window = null)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, long> spent = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, DateTimeOffset Start), long> byWindow = [];
    private DateTimeOffset nextReset;

    /// <summary>The points an app may spend in each window (Atlassian's quota per hour).</summary>
    public int Points { get; } = points;
    /// <summary>How long the quota lasts before it resets: an hour, as Jira's, unless a benchmark shrinks it.</summary>
    public TimeSpan Window { get; } = window ?? TimeSpan.FromHours(1);
    public bool PerTenant { get; } = perTenant;
    public string Policy => PerTenant ? "tenant-app-quota" : "global-app-quota";
    public string Reason => PerTenant ? "jira-quota-tenant-based" : "jira-quota-global-based";

    private int refusals;

    /// <summary>Requests refused with 429 because the quota was spent, since it was played.</summary>
    public int Refusals => Volatile.Read(ref refusals);

    public void CountRefusal() => Interlocked.Increment(ref refusals);

    /// <summary>Points spent this window by the app on the site (or on all sites, for the global quota).</summary>
    public long Spent(string siteKey)
    {
        lock (sync)
        {
            Roll();
            return spent.GetValueOrDefault(Key(siteKey));
        }
    }

    /// <summary>Seconds to the next reset (the top of the next UTC hour for Jira's hour).</summary>
    public int SecondsToReset => (int)Math.Ceiling((NextReset - clock.GetUtcNow()).TotalSeconds);

    public DateTimeOffset NextReset
    {
        get
        {
            var ticks = clock.GetUtcNow().UtcTicks;
            return new DateTimeOffset(ticks - ticks % Window.Ticks, TimeSpan.Zero) + Window;
        }
    }

    public void Charge(string siteKey, long points)
    {
        lock (sync)
        {
            Roll();
            spent[Key(siteKey)] = spent.GetValueOrDefault(Key(siteKey)) + points;
            var window = (Key(siteKey), nextReset - Window);
            byWindow[window] = byWindow.GetValueOrDefault(window) + points;
        }
    }

    /// <summary>Points spent by the app on the site (or all sites, for the global quota) in each window since the quota was played, by the window's start.</summary>
    public IReadOnlyList<(DateTimeOffset Start, long Points)> SpentByWindow(string siteKey)
    {
        lock (sync)
            return [.. byWindow.Where(w => w.Key.Key == Key(siteKey)).Select(w => (w.Key.Start, w.Value)).OrderBy(w => w.Start)];
    }

    /// <summary>What an answer costs: the base point, and for a read each object it carries.</summary>
    public static long Cost(string method, string endpoint, int status, ReadOnlySpan<byte> body)
    {
        var isRead = HttpMethods.IsGet(method) || endpoint.EndsWith("/search/jql", StringComparison.Ordinal) || endpoint.EndsWith("/search", StringComparison.Ordinal)
                     || endpoint.EndsWith("/permissions/check", StringComparison.Ordinal);
        if (!isRead || status >= 400 || body.IsEmpty)
            return 1;
        var perObject = endpoint.Contains("/user", StringComparison.Ordinal) || endpoint.EndsWith("/myself", StringComparison.Ordinal) || endpoint.Contains("/group", StringComparison.Ordinal)
                        || endpoint.Contains("permission", StringComparison.Ordinal) || endpoint.Contains("/role", StringComparison.Ordinal) ? 2 : 1;
        return 1 + perObject * Objects(body);
    }

    private static int Objects(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
                return root.GetArrayLength();
            foreach (var list in new[] { "issues", "values", "comments", "users", "projects", "permissions" })
                if (root.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
                    return items.GetArrayLength();
            return 1;
        }
        catch (JsonException)
        {
            return 1; // bytes (an attachment's content): one object
        }
    }

    private string Key(string siteKey) => PerTenant ? siteKey : "*";

    private void Roll()
    {
        var current = NextReset;
        if (current != nextReset)
        {
            nextReset = current;
            spent.Clear();
        }
    }
}
