using System.Globalization;
using JiraSim.Model;

namespace JiraSim.Rest;

public static class JiraTime
{
    /// <summary>Jira's timestamp format in REST responses, e.g. <c>2024-05-01T10:15:30.123+0000</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    /// <summary>
    /// In the site's zone: UTC on Cloud, the server's zone on Data Center, which renders timestamps in the user's
    /// (by default the server's) time zone, e.g. <c>2026-12-04T19:15:30.000+0100</c> in Europe/Berlin.
    /// </summary>
    public static string Format(SimSite site, DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, site.TimeZone);
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            + sign + Math.Abs(offset.Hours).ToString("00", CultureInfo.InvariantCulture) + Math.Abs(offset.Minutes).ToString("00", CultureInfo.InvariantCulture);
    }
}
