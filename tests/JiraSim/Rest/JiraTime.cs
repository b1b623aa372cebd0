using System.Globalization;

namespace JiraSim.Rest;

public static class JiraTime
{
    /// <summary>Jira's timestamp format in REST responses, e.g. <c>2024-05-01T10:15:30.123+0000</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
