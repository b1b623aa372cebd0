using System.Net.Http.Headers;
using System.Text;
using JiraSim.Model;
using JiraSim.Seed;

namespace JiraSim.Tests.Support;

/// <summary>HTTP clients for a simulated site, authenticated as its seeded admin or user, with the site's base URL.</summary>
public static class SimClients
{
    /// <summary>The seeded admin: basic with email and API token on Cloud, the admin's personal access token on Data Center.</summary>
    public static HttpClient Admin(this JiraSimulator jira, string siteKey) =>
        jira.Site(siteKey).IsDataCenter ? jira.Bearer(siteKey, DefaultSeed.AdminPat) : Basic(jira.Site(siteKey), "admin", DefaultSeed.AdminToken);

    /// <summary>The seeded user: basic with email and API token on Cloud, the user's personal access token on Data Center.</summary>
    public static HttpClient User(this JiraSimulator jira, string siteKey) =>
        jira.Site(siteKey).IsDataCenter ? jira.Bearer(siteKey, DefaultSeed.UserPat) : Basic(jira.Site(siteKey), "user", DefaultSeed.UserToken);

    /// <summary><c>Authorization: Bearer {token}</c>: a personal access token.</summary>
    public static HttpClient Bearer(this JiraSimulator jira, string siteKey, string token)
    {
        var client = jira.Anonymous(siteKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>HTTP basic with a Data Center username and password (<c>admin</c>/<see cref="DefaultSeed.AdminPassword"/> on site-dc).</summary>
    public static HttpClient BasicAuth(this JiraSimulator jira, string siteKey, string username, string password)
    {
        var client = jira.Anonymous(siteKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return client;
    }

    public static HttpClient Anonymous(this JiraSimulator jira, string siteKey) => new() { BaseAddress = new Uri(jira.Site(siteKey).BaseUrlText + "/") };

    private static HttpClient Basic(SimSite site, string who, string token)
    {
        var email = $"{who}@{site.Key[^1]}.example";
        var client = new HttpClient { BaseAddress = new Uri(site.BaseUrlText + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
        return client;
    }

    /// <summary>Relative REST path: <c>client.GetAsync(Rest.V3("issue/ACME-1"))</c>.</summary>
    public static string V3(string path) => "rest/api/3/" + path;

    /// <summary>Relative REST v2 path, a Data Center site's API: <c>client.GetAsync(SimClients.V2("issue/GLX-1"))</c>.</summary>
    public static string V2(string path) => "rest/api/2/" + path;
}
