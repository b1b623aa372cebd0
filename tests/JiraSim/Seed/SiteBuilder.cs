using JiraSim.Model;

namespace JiraSim.Seed;

public static class SiteBuilder
{
    /// <summary>A site from its seed, served at <paramref name="rootUrl"/>/{key}.</summary>
    public static SimSite Build(SeedSite seed, Uri rootUrl, TimeProvider clock)
    {
        var dataCenter = Deployment(seed);
        var site = new SimSite(seed.Key, new Uri(rootUrl.ToString().TrimEnd('/') + "/" + seed.Key), clock)
        {
            Deployment = dataCenter ? SimDeployment.DataCenter : SimDeployment.Cloud,
            Version = seed.Version ?? "9.12.15",
            TimeZone = dataCenter ? TimeZoneInfo.FindSystemTimeZoneById(seed.TimeZone ?? "Europe/Berlin") : TimeZoneInfo.Utc,
            BasicAuth = seed.BasicAuth,
        };
        foreach (var user in seed.Users)
            site.Users.Add(new SimUser
            {
                AccountId = user.AccountId ?? user.Key ?? throw new InvalidDataException($"Site {seed.Key}: user '{user.DisplayName}' needs an accountId (Cloud) or a key (Data Center)."),
                DisplayName = user.DisplayName, Email = user.Email, IsAdmin = user.Admin, IsReadOnly = user.ReadOnly,
                ApiTokens = user.ApiTokens ?? [], PersonalAccessTokens = user.PersonalAccessTokens ?? [],
                Name = user.Name, Key = user.Key, Password = user.Password,
            });
        foreach (var project in seed.Projects)
        {
            var types = project.IssueTypes.Select(t => new SimIssueType(t.Id, t.Name, t.HierarchyLevel)).ToList();
            var defaultType = project.DefaultIssueType is null ? null
                : types.FirstOrDefault(t => t.Name == project.DefaultIssueType || t.Id == project.DefaultIssueType)
                  ?? throw new InvalidDataException($"Project {project.Key}: default issue type '{project.DefaultIssueType}' is not one of its types.");
            site.Projects.Add(new SimProject { Id = project.Id, Key = project.Key, Name = project.Name, IssueTypes = types, DefaultIssueTypeId = defaultType?.Id });
        }
        return site;
    }

    private static bool Deployment(SeedSite seed) => seed.Deployment switch
    {
        null or "cloud" => false,
        "dataCenter" => true,
        var other => throw new InvalidDataException($"Site {seed.Key}: deployment '{other}' is neither \"cloud\" nor \"dataCenter\"."),
    };
}
