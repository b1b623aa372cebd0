using ConnectAddon.Jira;

namespace ConnectAddon.Tests.Jira;

/// <summary>A target keeps its site's path prefix and never shows a secret.</summary>
public class JiraTargetTests
{
    [TestCase("http://127.0.0.1:5000/site-a", "http://127.0.0.1:5000/site-a/rest/api/3/myself")]
    [TestCase("http://127.0.0.1:5000/site-a/", "http://127.0.0.1:5000/site-a/rest/api/3/myself")]
    [TestCase("https://acme.atlassian.net", "https://acme.atlassian.net/rest/api/3/myself")]
    public void Resolve_AppendsThePathToTheBaseUrlAndItsPrefix(string baseUrl, string expected)
    {
        var target = JiraTarget.WithCredentials(new Uri(baseUrl), JiraCredentials.PersonalAccessToken("t"));

        Assert.That(target.Resolve("rest/api/3/myself").AbsoluteUri, Is.EqualTo(expected));
    }

    [Test]
    public void SiteKey_KeepsThePrefixSoSitesOnOneHostAreApart()
    {
        var a = JiraTarget.WithCredentials(new Uri("http://127.0.0.1:5000/site-a"), JiraCredentials.PersonalAccessToken("t"));
        var b = JiraTarget.WithCredentials(new Uri("http://127.0.0.1:5000/site-b/"), JiraCredentials.PersonalAccessToken("t"));

        Assert.That(a.SiteKey, Is.EqualTo("http://127.0.0.1:5000/site-a"));
        Assert.That(b.SiteKey, Is.Not.EqualTo(a.SiteKey));
    }

    [Test]
    public void ToString_ShowsTheSiteButNeverTheCredentials()
    {
        var withToken = JiraTarget.WithCredentials(new Uri("https://jira.example.com"), JiraCredentials.ApiToken("bot@example.com", "s3cr3t-token"));
        var withPat = JiraTarget.WithCredentials(new Uri("https://jira.example.com"), JiraCredentials.PersonalAccessToken("s3cr3t-pat"));

        Assert.That(withToken.ToString(), Does.Contain("jira.example.com").And.Not.Contain("s3cr3t"));
        Assert.That(withToken.Credentials!.ToString(), Does.Not.Contain("s3cr3t"));
        Assert.That(withPat.Credentials!.ToString(), Does.Not.Contain("s3cr3t"));
    }
}
