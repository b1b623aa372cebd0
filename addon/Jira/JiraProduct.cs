using System.Globalization;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

/// <summary>
/// Which Jira a site is, as its server info says, and whether this node supports it: Jira Cloud, or Jira Data Center
/// (and Server) from <see cref="MinimumDataCenter"/> on, the oldest Long Term Support release still supported by
/// Atlassian when this was written ("Atlassian Support End of Life Policy"; 9.12 LTS, 10.3 LTS and 11.x all speak the
/// REST v2 this client uses).
/// </summary>
public sealed record JiraProduct(JiraFlavour Flavour, string Version, string? DeploymentType)
{
    public static readonly Version MinimumDataCenter = new(9, 12);

    /// <summary>
    /// How the page and the console name it: "Jira Cloud", "Jira Data Center 9.12.15". Data Center's server info says
    /// <c>Server</c> as Jira Server's did (the simulator plays it so), and Server licences ended in February 2024, so
    /// both are named Data Center.
    /// </summary>
    public string DisplayName => Flavour == JiraFlavour.Cloud ? "Jira Cloud" : $"Jira Data Center {Version}";

    /// <summary>The product, or why this node cannot work with it (a sentence for the console and the log).</summary>
    public static (JiraProduct? Product, string? Refusal) From(JiraServerInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var version = info.Version ?? "";
        switch (info.DeploymentType)
        {
            case "Cloud":
                return (new JiraProduct(JiraFlavour.Cloud, version, info.DeploymentType), null);
            case "Server" or "DataCenter":
                var numbers = info.VersionNumbers is { Count: >= 2 } given ? new Version(given[0], given[1]) : ParseVersion(version);
                var product = new JiraProduct(JiraFlavour.DataCenter, version, info.DeploymentType);
                if (numbers is null)
                    return (null, $"This node's Jira says it is Jira {info.DeploymentType} but gives no version this node can read ('{Shorten(version)}'); " +
                                  $"it supports Jira Data Center {MinimumDataCenter} and later.");
                return numbers < MinimumDataCenter
                    ? (null, $"This node's Jira is {product.DisplayName}; this node supports Jira Data Center {MinimumDataCenter} and later. " +
                             "Upgrade Jira, or run an older release of this node.")
                    : (product, null);
            default:
                return (null, $"This node's Jira answered its server info with deployment type '{Shorten(info.DeploymentType ?? "none")}', " +
                              "which is neither Jira Cloud nor Jira Data Center; is PrivateNode:Jira:BaseUrl the address of a Jira?");
        }
    }

    private static Version? ParseVersion(string text)
    {
        var parts = text.Split('.', '-');
        return parts.Length >= 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? new Version(major, minor)
            : null;
    }

    // What a misconfigured server answered is shown, never at length.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
