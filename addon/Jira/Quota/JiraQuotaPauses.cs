using System.Collections.Concurrent;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Jira.Quota;

/// <summary>
/// Which Jira sites have spent their hourly points quota, for every process of the deployment ("Rate limiting":
/// https://developer.atlassian.com/cloud/jira/platform/rate-limiting: the points quota is per app and tenant per hour,
/// and a 429 with <c>RateLimit-Reason: jira-quota-…</c> means every further call until the reset is refused). A pause
/// one process learns is written to <c>jira_quota_pauses</c> at once and read back by the others every
/// <see cref="Refresh"/>, so the whole deployment stops calling that site until the reset instead of each process
/// spending calls to find out. Which calls wait depends on the quota Jira names: <c>jira-quota-tenant-based</c> is the
/// app's quota on that site (Tier 2), so only that site waits; <c>jira-quota-global-based</c> is the app's one quota
/// across all sites (Tier 1, the default: 65,000 points an hour for every tenant together), so every site waits
/// ("For jira-quota-global-based or jira-quota-tenant-based: Pause all API requests until the window resets").
/// </summary>
public sealed class JiraQuotaPauses(Database database, TimeProvider clock, ILogger<JiraQuotaPauses> logger) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    /// <summary>The key under which the app's quota across all sites (Tier 1) is paused.</summary>
    public const string AllSites = "*";

    /// <summary>The key a quota 429 pauses: the site's own quota, or the one quota of all sites.</summary>
    public static string Scope(string siteKey, string reason) => reason == "jira-quota-global-based" ? AllSites : siteKey;

    private readonly ConcurrentDictionary<string, QuotaPause> known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QuotaReading> readings = new(StringComparer.Ordinal);

    /// <summary>What Jira's latest answer of the site said of the quota: its points left and its reset (null when it did not say, or after the reset).</summary>
    public QuotaReading? Remaining(string siteKey)
    {
        var now = clock.GetUtcNow();
        QuotaReading? own = readings.TryGetValue(siteKey, out var o) && o.Resets > now ? o : null;
        QuotaReading? all = readings.TryGetValue(AllSites, out var a) && a.Resets > now ? a : null;
        return own is null ? all : all is null || own.Remaining <= all.Remaining ? own : all;
    }

    /// <summary>The quotas (site keys, or <see cref="AllSites"/>) whose latest answer left fewer than <paramref name="points"/> before a reset still to come.</summary>
    public IReadOnlyList<string> Below(long points)
    {
        var now = clock.GetUtcNow();
        return [.. readings.Where(r => r.Value.Remaining < points && r.Value.Resets > now).Select(r => r.Key)];
    }

    /// <summary>Keeps what an answer said of the quota (the app's across all sites, or the site's own).</summary>
    public void Read(string siteKey, QuotaReading reading) => readings[reading.AcrossAllSites ? AllSites : siteKey] = reading;

    /// <summary>The site's pause (its own quota's or all sites'), the later one while both last; null when its calls may go.</summary>
    public QuotaPause? Current(string siteKey)
    {
        var now = clock.GetUtcNow();
        QuotaPause? own = known.TryGetValue(siteKey, out var o) && o.Until > now ? o : null;
        QuotaPause? all = known.TryGetValue(AllSites, out var a) && a.Until > now ? a : null;
        return own is null ? all : all is null || own.Until >= all.Until ? own : all;
    }

    /// <summary>Pauses the calls of <paramref name="siteKey"/> (or <see cref="AllSites"/>) in every process until <paramref name="until"/> (a longer pause already known stands).</summary>
    public async Task PauseAsync(string siteKey, DateTimeOffset until, string reason, CancellationToken cancel)
    {
        known.AddOrUpdate(siteKey, new QuotaPause(siteKey, until, reason), (_, old) => old.Until >= until ? old : new QuotaPause(siteKey, until, reason));
        logger.LogWarning("Jira {Site} says its quota is spent ({Reason}): its calls pause in every process until {Until:HH:mm:ss} UTC", siteKey, reason, until.UtcDateTime);
        try
        {
            await WriteAsync(siteKey, until, reason, cancel);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // This process pauses all the same; the others learn it from their own 429.
            logger.LogWarning(e, "Recording the quota pause of {Site} for the other processes failed", siteKey);
        }
    }

    private async Task WriteAsync(string siteKey, DateTimeOffset until, string reason, CancellationToken cancel)
    {
        await using var db = await database.OpenAsync(cancel);
        await db.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO jira_quota_pauses (site_key, until_ms, reason, recorded_at_ms) VALUES (@siteKey, @until, @reason, @now)
            ON CONFLICT (site_key) DO UPDATE SET
                reason = CASE WHEN excluded.until_ms > jira_quota_pauses.until_ms THEN excluded.reason ELSE jira_quota_pauses.reason END,
                until_ms = {database.Dialect.Greatest}(jira_quota_pauses.until_ms, excluded.until_ms),
                recorded_at_ms = excluded.recorded_at_ms
            """, new { siteKey, until = until.ToUnixTimeMilliseconds(), reason, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
    }

    /// <summary>Reads the pauses the other processes learned (and forgets ended ones); done every <see cref="Refresh"/>.</summary>
    public async Task ReadAsync(CancellationToken cancel)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.OpenAsync(cancel);
        var rows = await db.QueryAsync<(string SiteKey, long UntilMs, string Reason)>(new CommandDefinition(
            "SELECT site_key, until_ms, reason FROM jira_quota_pauses WHERE until_ms > @now", new { now }, cancellationToken: cancel));
        foreach (var (siteKey, untilMs, reason) in rows)
        {
            var until = DateTimeOffset.FromUnixTimeMilliseconds(untilMs);
            known.AddOrUpdate(siteKey, new QuotaPause(siteKey, until, reason), (_, old) => old.Until >= until ? old : new QuotaPause(siteKey, until, reason));
        }
        foreach (var ended in known.Where(p => p.Value.Until.ToUnixTimeMilliseconds() <= now).Select(p => p.Key).ToList())
            known.TryRemove(ended, out _);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh, clock);
        do
        {
            try { await ReadAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning(e, "Reading Jira quota pauses failed; trying again in {Refresh}", Refresh); }
        } while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancel)
    {
        try { return await timer.WaitForNextTickAsync(cancel); }
        catch (OperationCanceledException) { return false; }
    }
}
