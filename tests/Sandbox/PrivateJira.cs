using JiraSim;
using JiraSim.Seed;

namespace Sandbox;

/// <summary>
/// The private node's own Jira in the simulator: site B as Jira Cloud (an API token), or site-dc as Jira Data Center
/// 9.12 (a personal access token, REST v2, wiki markup). Either holds project GLX; the node finds out which it is.
/// </summary>
public enum PrivateJira
{
    Cloud,
    DataCenter,
}

public static class PrivateJiraSite
{
    public static string Key(PrivateJira flavour) => flavour == PrivateJira.DataCenter ? DefaultSeed.DataCenterSite : "site-b";

    /// <summary>The private node's <c>PrivateNode:Jira</c> settings for that site, as its admin.</summary>
    public static Dictionary<string, string> Settings(JiraSimulator jira, PrivateJira flavour) => flavour == PrivateJira.DataCenter
        ? new()
        {
            ["PrivateNode:Jira:BaseUrl"] = jira.Site(DefaultSeed.DataCenterSite).BaseUrlText,
            ["PrivateNode:Jira:PersonalAccessToken"] = DefaultSeed.AdminPat,
        }
        : new()
        {
            ["PrivateNode:Jira:BaseUrl"] = jira.Site("site-b").BaseUrlText,
            ["PrivateNode:Jira:Email"] = "admin@b.example",
            ["PrivateNode:Jira:ApiToken"] = DefaultSeed.AdminToken,
        };

    /// <summary>The site's own person (not the admin the node acts as), whose edits the sync must carry.</summary>
    public static string PersonId(PrivateJira flavour) => flavour == PrivateJira.DataCenter ? "JIRAUSER10100" : "557058:b-user";
}
