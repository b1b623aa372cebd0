using System.Globalization;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Quota;

/// <summary>
/// What Jira says of the app's points quota on an answer ("Rate limiting": <c>RateLimit: "global-app-quota";r=11000;t=600</c>,
/// or <c>Beta-RateLimit</c> while the quota is not enforced for the app): the points remaining (<c>r</c>, sent once
/// about 80 % are used) and the seconds until the hourly reset (<c>t</c>). The policy says whose quota it is: the app's
/// across all sites (<c>global-app-quota</c>) or on this site (<c>tenant-app-quota</c>). A header may list several
/// policies, in no set order; the one with the fewest points left is the one that binds.
/// </summary>
public sealed partial record QuotaReading(string Policy, long Remaining, DateTimeOffset Resets)
{
    public bool AcrossAllSites => Policy == "global-app-quota";

    public static QuotaReading? From(HttpResponseMessage response, DateTimeOffset now)
    {
        QuotaReading? least = null;
        foreach (var name in new[] { "RateLimit", "Beta-RateLimit" })
        {
            if (!response.Headers.TryGetValues(name, out var values))
                continue;
            foreach (var entry in values.SelectMany(v => v.Split(',')))
            {
                var match = Entry().Match(entry);
                if (!match.Success || !match.Groups["r"].Success)
                    continue; // r is left out until the quota is nearly spent
                var reading = new QuotaReading(match.Groups["policy"].Value, long.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture),
                    now.AddSeconds(match.Groups["t"].Success ? int.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture) : 3600));
                if (least is null || reading.Remaining < least.Remaining)
                    least = reading;
            }
        }
        return least;
    }

    [GeneratedRegex("""^\s*"(?<policy>[^"]+)"(?:\s*;\s*(?:r=(?<r>\d+)|t=(?<t>\d+)|[a-z]+=[^;]*))*\s*$""")]
    private static partial Regex Entry();
}
