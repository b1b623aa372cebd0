using ConnectAddon.Jira;

namespace ConnectAddon.Sync.Capture;

/// <summary>
/// The time zone of the user this node searches Jira as (<c>GET /rest/api/3/myself</c>, <c>timeZone</c>), which Jira
/// reads JQL date literals in. Asked once and then hourly, so an idle poll costs one request; a zone this machine
/// does not know is taken as UTC, with a warning.
/// </summary>
public sealed class SearcherTimeZone(TimeProvider clock, ILogger<SearcherTimeZone> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly Lock gate = new();
    private (TimeZoneInfo Zone, DateTimeOffset Until)? cached;

    public async Task<JiraResult<TimeZoneInfo>> GetAsync(JiraClient client, CancellationToken cancel)
    {
        lock (gate)
            if (cached is { } hit && hit.Until > clock.GetUtcNow())
                return hit.Zone;

        var me = await client.GetMyselfAsync(cancel);
        if (!me.IsSuccess)
            return me.Error;
        var zone = Find(me.Value.TimeZone);
        lock (gate)
            cached = (zone, clock.GetUtcNow() + Lifetime);
        return zone;
    }

    private TimeZoneInfo Find(string? id)
    {
        if (string.IsNullOrEmpty(id))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            logger.LogWarning("Jira's user time zone {Zone} is unknown on this machine; reading JQL dates as UTC. Install tzdata.", id);
            return TimeZoneInfo.Utc;
        }
    }
}
