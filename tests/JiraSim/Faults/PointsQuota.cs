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
/// </summary>
public sealed class PointsQuota(TimeProvider clock, int pointsPerHour, bool perTenant)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, long> spent = new(StringComparer.Ordinal);
    private DateTimeOffset hour;

    public int PointsPerHour { get; } = pointsPerHour;
    public bool PerTenant { get; } = perTenant;
    public string Policy => PerTenant ? "tenant-app-quota" : "global-app-quota";
    public string Reason => PerTenant ? "jira-quota-tenant-based" : "jira-quota-global-based";

    /// <summary>Points spent this hour by the app on the site (or on all sites, for the global quota).</summary>
    public long Spent(string siteKey)
    {
        lock (sync)
        {
            Roll();
            return spent.GetValueOrDefault(Key(siteKey));
        }
    }

    /// <summary>Seconds to the top of the next UTC hour, when the quota resets.</summary>
    public int SecondsToReset => (int)Math.Ceiling((NextHour - clock.GetUtcNow()).TotalSeconds);

    public DateTimeOffset NextHour
    {
        get
        {
            var now = clock.GetUtcNow();
            return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        }
    }

    public void Charge(string siteKey, long points)
    {
        lock (sync)
        {
            Roll();
            spent[Key(siteKey)] = spent.GetValueOrDefault(Key(siteKey)) + points;
        }
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
        var current = NextHour;
        if (current != hour)
        {
            hour = current;
            spent.Clear();
        }
    }
}
