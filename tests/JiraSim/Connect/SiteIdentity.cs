namespace JiraSim.Connect;

/// <summary>
/// How a site introduces itself to the apps it installs: its <c>clientKey</c> (the <c>iss</c> of every token Jira
/// signs for an app, and the tenant id apps key their data by) and its <c>cloudId</c>. Generated once per site and
/// kept for the simulator's life, so a reinstall comes from the same tenant ("Connect app lifecycle").
/// </summary>
public sealed record SiteIdentity(string ClientKey, string CloudId)
{
    public static SiteIdentity New() => new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
}
