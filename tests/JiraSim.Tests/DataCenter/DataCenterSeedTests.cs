using JiraSim.Model;
using JiraSim.Seed;

namespace JiraSim.Tests.DataCenter;

public sealed class DataCenterSeedTests
{
    [Test]
    public async Task ASeedFile_DeclaresADataCenterSite_WithVersionZoneBasicAuthAndUsersByName()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                { "sites": [ { "key": "dc", "name": "DC", "deployment": "dataCenter", "version": "10.3.4", "timeZone": "America/New_York",
                  "basicAuth": false, "projects": [],
                  "users": [ { "name": "jdoe", "key": "JIRAUSER10500", "displayName": "Jo Doe", "password": "pw",
                               "personalAccessTokens": ["pat"] } ] } ] }
                """);
            await using var jira = await JiraSimulator.StartAsync(SeedDocument.Load(path));
            var site = jira.Site("dc");

            Assert.That(site.Deployment, Is.EqualTo(SimDeployment.DataCenter));
            Assert.That(site.Version, Is.EqualTo("10.3.4"));
            Assert.That(site.TimeZone.Id, Is.EqualTo("America/New_York"));
            Assert.That(site.BasicAuth, Is.False);
            var user = site.FindUserByName("JDOE")!;
            Assert.That((user.Key, user.AccountId, user.Password), Is.EqualTo(("JIRAUSER10500", "JIRAUSER10500", "pw")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void DataCenterDefaults_AreVersion91215_Berlin_AndBasicAuthOn_AndCloudSitesAreUtc()
    {
        var dc = SiteBuilder.Build(new SeedSite("dc", null, [], [], Deployment: "dataCenter"), new Uri("http://127.0.0.1/"), TimeProvider.System);
        var cloud = SiteBuilder.Build(new SeedSite("c", null, [], []), new Uri("http://127.0.0.1/"), TimeProvider.System);

        Assert.That((dc.Version, dc.TimeZone.Id, dc.BasicAuth), Is.EqualTo(("9.12.15", "Europe/Berlin", true)));
        Assert.That(dc.RestUrl, Is.EqualTo("http://127.0.0.1/dc/rest/api/2"));
        Assert.That((cloud.Deployment, cloud.TimeZone, cloud.RestUrl), Is.EqualTo((SimDeployment.Cloud, TimeZoneInfo.Utc, "http://127.0.0.1/c/rest/api/3")));
    }

    [Test]
    public void AnUnknownDeployment_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => SiteBuilder.Build(new SeedSite("x", null, [], [], Deployment: "server"), new Uri("http://127.0.0.1/"), TimeProvider.System));
    }

    [Test]
    public void DefaultSeed_HasSiteDc_MirroringSiteB()
    {
        var sites = DefaultSeed.Create().Sites;
        var b = sites.Single(s => s.Key == "site-b");
        var dc = sites.Single(s => s.Key == DefaultSeed.DataCenterSite);

        Assert.That(dc.Deployment, Is.EqualTo("dataCenter"));
        Assert.That(dc.Version, Is.EqualTo("9.12.15"));
        Assert.That(dc.Projects.Single().IssueTypes.Select(t => t.Name), Is.EqualTo(b.Projects.Single().IssueTypes.Select(t => t.Name)));
        Assert.That(dc.Users.Select(u => u.Name), Is.EqualTo(new[] { "admin", "user", "viewer" }));
        Assert.That(dc.Users.Select(u => u.Password), Is.EqualTo(new[] { DefaultSeed.AdminPassword, DefaultSeed.UserPassword, DefaultSeed.UserPassword }));
        Assert.That(dc.Users[0].PersonalAccessTokens, Is.EqualTo(new[] { DefaultSeed.AdminPat }));
        Assert.That(dc.Users[1].PersonalAccessTokens, Is.EqualTo(new[] { DefaultSeed.UserPat }));
    }
}
