using System.Net.Http.Headers;
using System.Text;
using JiraSim.Model;
using JiraSim.Seed;

namespace JiraSim.Tests.Support;

/// <summary>HTTP clients for a simulated site, authenticated as its seeded admin or user, with the site's base URL.</summary>
public static class SimClients
{
    public static HttpClient Admin(this JiraSimulator jira, string siteKey) => Basic(jira.Site(siteKey), "admin", DefaultSeed.AdminToken);

    public static HttpClient User(this JiraSimulator jira, string siteKey) => Basic(jira.Site(siteKey), "user", DefaultSeed.UserToken);

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
}
