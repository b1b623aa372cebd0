using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Jira;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ConnectAddon.Tests.Jira;

/// <summary>Every request to a tenant's Jira carries the app's JWT, which a Jira site (WireMock here) can verify.</summary>
public class ConnectJwtSignerTests
{
    private AddonHost host = null!;
    private WireMockServer jira = null!;

    [SetUp]
    public void Start()
    {
        host = new AddonHost();
        jira = WireMockServer.Start();
        jira.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
    }

    [TearDown]
    public void Stop()
    {
        jira.Stop();
        jira.Dispose();
        host.Dispose();
    }

    private async Task<(JsonNode Header, JsonNode Claims, string Token)> SendAndCapture(Tenant tenant, HttpMethod method, string url)
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(JiraSetup.ConnectClient);
        using var request = new HttpRequestMessage(method, url);
        request.Options.Set(JiraRequestOptions.Tenant, tenant);
        using var response = await client.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        var authorization = jira.LogEntries.Last().RequestMessage!.Headers!["Authorization"].Single();
        Assert.That(authorization, Does.StartWith("JWT "));
        var token = authorization["JWT ".Length..];
        var parts = token.Split('.');
        return (JsonNode.Parse(Decode(parts[0]))!, JsonNode.Parse(Decode(parts[1]))!, token);
    }

    private static byte[] Decode(string part) => Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '='));

    private Tenant TenantAt(string baseUrl) => new() { ClientKey = "client-1", AppKey = AddonHost.AppKey, BaseUrl = new Uri(baseUrl), SharedSecret = LifecycleBody.NewSharedSecret() };

    [Test]
    public async Task RequestToJira_IsSignedHs256AsTheAppFor180Seconds()
    {
        var tenant = TenantAt(jira.Url!);
        var (header, claims, token) = await SendAndCapture(tenant, HttpMethod.Get, jira.Url + "/rest/api/3/myself");

        Assert.That(header["alg"]!.GetValue<string>(), Is.EqualTo("HS256"));
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(AddonHost.AppKey), "iss is the app key, not the clientKey");
        var lifetime = claims["exp"]!.GetValue<long>() - claims["iat"]!.GetValue<long>();
        Assert.That(lifetime, Is.EqualTo(180));
        Assert.That(claims["qsh"]!.GetValue<string>(), Is.EqualTo(Qsh.Of("GET", "/rest/api/3/myself")));
        var signingInput = token[..token.LastIndexOf('.')];
        var expected = Base64Url.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(tenant.SharedSecret!), Encoding.ASCII.GetBytes(signingInput)));
        Assert.That(token[(token.LastIndexOf('.') + 1)..], Is.EqualTo(expected));
    }

    [Test]
    public async Task RequestToASiteWithAPathPrefix_HashesThePathRelativeToTheSite()
    {
        var tenant = TenantAt(jira.Url + "/site-a");
        var (_, claims, _) = await SendAndCapture(tenant, HttpMethod.Put, jira.Url + "/site-a/rest/api/3/issue/10001?notifyUsers=false&overrideScreenSecurity=false");

        Assert.That(claims["qsh"]!.GetValue<string>(),
            Is.EqualTo(Qsh.Of("PUT", "/rest/api/3/issue/10001", ("notifyUsers", "false"), ("overrideScreenSecurity", "false"))));
    }

    [Test]
    public void RequestWithoutATenant_IsNotSent()
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(JiraSetup.ConnectClient);
        Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync(jira.Url + "/rest/api/3/myself"));
        Assert.That(jira.LogEntries, Is.Empty);
    }

    [Test]
    public void RequestToAnotherSite_IsNotSignedWithThisTenantsSecret()
    {
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(JiraSetup.ConnectClient);
        using var request = new HttpRequestMessage(HttpMethod.Get, jira.Url + "/rest/api/3/myself");
        request.Options.Set(JiraRequestOptions.Tenant, TenantAt("https://acme.atlassian.net"));
        Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));
        Assert.That(jira.LogEntries, Is.Empty);
    }
}
