using JiraSim.Model;

namespace JiraSim.Seed;

public static class SiteBuilder
{
    /// <summary>A site from its seed, served at <paramref name="rootUrl"/>/{key}.</summary>
    public static SimSite Build(SeedSite seed, Uri rootUrl, TimeProvider clock)
    {
        var site = new SimSite(seed.Key, new Uri(rootUrl.ToString().TrimEnd('/') + "/" + seed.Key), clock);
        foreach (var user in seed.Users)
            site.Users.Add(new SimUser
            {
                AccountId = user.AccountId, DisplayName = user.DisplayName, Email = user.Email, IsAdmin = user.Admin, IsReadOnly = user.ReadOnly,
                ApiTokens = user.ApiTokens ?? [], PersonalAccessTokens = user.PersonalAccessTokens ?? [],
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
}
