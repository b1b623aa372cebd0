namespace ConnectAddon.Jira;

/// <summary>
/// Which Jira a site is, and so which REST API the client speaks to it: Jira Cloud's REST v3 (rich text as ADF,
/// people by account id), or Jira Data Center's REST v2 (rich text as wiki markup, people by name and key), which is
/// all a self-managed Jira has ("Jira Data Center REST API", https://developer.atlassian.com/server/jira/platform/rest/).
/// The client takes and gives ADF either way; the difference stays inside it.
/// </summary>
public enum JiraFlavour
{
    Cloud,
    DataCenter,
}
