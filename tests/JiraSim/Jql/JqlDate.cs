using System.Globalization;
using System.Text.RegularExpressions;

namespace JiraSim.Jql;

/// <summary>
/// A date value of a <c>created</c> or <c>updated</c> clause ("JQL: fields", Created): "yyyy-MM-dd HH:mm",
/// "yyyy/MM/dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", or a period relative to now such as "-5m", "-1h", "-2d", "-1w",
/// "-4w 2d" (w, d, h, m; a leading - means the past). Jira reads absolute values in the searching user's time zone
/// ("Advanced searching - fields reference": "relative to your configured time zone (which is by default the Jira
/// server's time zone)"). The zone is the search's: UTC on Cloud sites (every simulated Cloud user's zone is
/// "Etc/UTC"), the server's on Data Center sites.
/// </summary>
/// <param name="Precision">A day for a date alone, otherwise a minute: what <c>=</c> and <c>!=</c> compare at.</param>
public readonly partial record struct JqlDate(DateTimeOffset Instant, TimeSpan Precision)
{
    private static readonly string[] MinuteFormats = ["yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm"];
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "yyyy/MM/dd"];

    public static string Invalid(string value, string field) =>
        $"Date value '{value}' for field '{field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.";

    public static JqlDate? Parse(string text, DateTimeOffset now) => Parse(text, now, TimeZoneInfo.Utc);

    /// <summary>Absolute values are wall-clock times in <paramref name="zone"/>; periods count from <paramref name="now"/>.</summary>
    public static JqlDate? Parse(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, MinuteFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var minute))
            return new JqlDate(InZone(minute, zone), TimeSpan.FromMinutes(1));
        if (DateTime.TryParseExact(trimmed, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new JqlDate(InZone(day, zone), TimeSpan.FromDays(1));
        var period = Period().Match(trimmed);
        return period.Success ? Relative(period, now) : null;
    }

    // A wall-clock time skipped by a daylight saving change is read as the hour after, as a lenient calendar does.
    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
            unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <returns>Null when the period reaches beyond the calendar (years 1 to 9999).</returns>
    private static JqlDate? Relative(Match period, DateTimeOffset now)
    {
        try
        {
            var offset = TimeSpan.Zero;
            foreach (Capture part in period.Groups["part"].Captures)
            {
                var number = long.Parse(part.Value[..^1].Trim(), CultureInfo.InvariantCulture);
                offset += part.Value[^1] switch
                {
                    'w' => TimeSpan.FromDays(7 * number),
                    'd' => TimeSpan.FromDays(number),
                    'h' => TimeSpan.FromHours(number),
                    _ => TimeSpan.FromMinutes(number),
                };
            }
            return new JqlDate(period.Groups["sign"].Value == "-" ? now - offset : now + offset, TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    public bool Matches(DateTimeOffset time, JqlOperator op) => op switch
    {
        JqlOperator.Equals => Same(time),
        JqlOperator.NotEquals => !Same(time),
        JqlOperator.LessThan => time < Instant,
        JqlOperator.LessThanOrEquals => time <= Instant,
        JqlOperator.GreaterThan => time > Instant,
        JqlOperator.GreaterThanOrEquals => time >= Instant,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    // A day is the zone's day, which starts at Instant (its local midnight), not at a UTC midnight.
    private bool Same(DateTimeOffset time) =>
        Precision >= TimeSpan.FromDays(1) ? time >= Instant && time < Instant + Precision : Truncate(time) == Truncate(Instant);

    private DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % Precision.Ticks, TimeSpan.Zero);

    [GeneratedRegex(@"^(?<sign>[-+])?\s*(?:(?<part>\d{1,9}\s*[wdhm])\s*)+$")]
    private static partial Regex Period();
}
