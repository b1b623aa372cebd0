using ConnectAddon.Hosting;

namespace ConnectAddon.Jira;

/// <summary>
/// Display names of Jira Data Center users by site and username, for mentions: wiki markup names a person by username
/// (<c>[~jsmith]</c>), and what the partner's side shows of a mention is the person's name (DESIGN §7 "Rich text").
/// Kept an hour; a username Jira does not resolve is kept as itself, so it is not asked for again and again.
/// </summary>
public sealed class JiraPeopleNames(TimeProvider clock)
{
    public const int Capacity = 10_000;

    private readonly BoundedCache<(string Site, string Name), string> names =
        new(Capacity, TimeSpan.FromHours(1), clock);

    public bool TryGet(JiraTarget site, string username, out string displayName) => names.TryGet((site.SiteKey, username), out displayName);

    public void Set(JiraTarget site, string username, string displayName) => names.Set((site.SiteKey, username), displayName);
}
