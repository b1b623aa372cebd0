using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;
using ConnectAddon.Tests.Support;
using Dapper;
using JiraSim;
using JiraSim.Model;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Connections;

/// <summary>
/// A public node in-process on a fresh database, on a clock the test moves, with two tenants whose Jira is the
/// simulator (site-a with ACME, site-b with GLX): the admin check and the project lookups really call it.
/// Helpers act as the Connections page (context tokens) and as a private node (the transport routes).
/// </summary>
public sealed class PublicNodeHarness : IAsyncDisposable
{
    private readonly HttpClient client;

    private PublicNodeHarness(JiraSimulator jira, AddonHost host, WebApplicationFactory<Program> app, ManualClock clock)
    {
        Jira = jira;
        Host = host;
        App = app;
        Clock = clock;
        client = app.CreateClient();
    }

    public JiraSimulator Jira { get; }
    public AddonHost Host { get; }
    /// <summary>The app with the test's clock (and any services the test replaced); use this, not <see cref="Host"/>, to reach it.</summary>
    public WebApplicationFactory<Program> App { get; }
    public ManualClock Clock { get; }
    public InstalledTenant TenantA { get; private set; } = null!;
    public InstalledTenant TenantB { get; private set; } = null!;

    public static async Task<PublicNodeHarness> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TestStore? store = null)
    {
        var jira = await JiraSimulator.StartAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var all = new Dictionary<string, string?>
        {
            // Quick retries and no circuit, so a test about a failing Jira is quick and about that failure only.
            ["Jira:Resilience:AttemptTimeout"] = "00:00:05",
            ["Jira:Resilience:TotalTimeout"] = "00:00:10",
            ["Jira:Resilience:MaxAttempts"] = "2",
            ["Jira:Resilience:BackoffBase"] = "00:00:00.010",
            ["Jira:Resilience:MaxBackoff"] = "00:00:00.050",
            ["Jira:Resilience:CircuitMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var host = new AddonHost(all, store: store);
        var app = host.WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        }));
        var harness = new PublicNodeHarness(jira, host, app, clock);
        harness.TenantA = await harness.InstallAsync("site-a", "10000", "ACME");
        harness.TenantB = await harness.InstallAsync("site-b", "20000", "GLX");
        return harness;
    }

    /// <summary>
    /// Installs the app as a tenant with the site's base URL (a signed install, as Jira sends it), and registers the app
    /// on the simulated site with the same shared secret, so the app's signed REST calls are accepted there.
    /// </summary>
    private async Task<InstalledTenant> InstallAsync(string siteKey, string projectId, string projectKey)
    {
        var sim = Jira.Site(siteKey);
        var site = new JiraSite("client-" + siteKey + "-" + Guid.NewGuid().ToString("N")[..6], sim.BaseUrlText, LifecycleBody.NewSharedSecret());
        await LifecycleAsync(site, "installed");

        var appUser = sim.AddUser(new SimUser { AccountId = "557058:app-" + siteKey, DisplayName = "Exalate", AccountType = "app" });
        lock (sim.Sync)
            sim.Apps[AddonHost.AppKey] = new SimApp
            {
                Key = AddonHost.AppKey, BaseUrl = new Uri(AddonHost.BaseUrl), SharedSecret = site.SharedSecret, UserAccountId = appUser.AccountId, Descriptor = [],
            };
        var letter = siteKey[^1];
        return new InstalledTenant(site, sim, $"557058:{letter}-admin", $"557058:{letter}-user", projectId, projectKey);
    }

    /// <summary>Sends a lifecycle callback for the site as Jira does (RS256 signed with the install key), asserting the app accepted it.</summary>
    public async Task LifecycleAsync(JiraSite site, string eventType)
    {
        var claims = TokenMinter.Claims(site.ClientKey, Qsh.Of("POST", "/lifecycle/" + eventType), issuedAt: Clock.GetUtcNow());
        claims["aud"] = AddonHost.BaseUrl;
        var token = TokenMinter.Rs256(Host.InstallKey.Rsa, Host.InstallKey.Kid, claims);
        var body = LifecycleBody.For(eventType, AddonHost.AppKey, site.ClientKey, site.BaseUrl, eventType == "installed" ? site.SharedSecret : null);
        using var response = await SendAsync(HttpMethod.Post, "/lifecycle/" + eventType, body.ToJsonString(), token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A context token as <c>AP.context.getToken()</c> gives the page, issued now on the app's clock; no subject when <paramref name="subject"/> is empty.</summary>
    public string ContextToken(InstalledTenant tenant, string? subject = null)
    {
        var claims = TokenMinter.Claims(tenant.Site.ClientKey, "context-qsh", issuedAt: Clock.GetUtcNow(), subject: subject ?? tenant.AdminAccountId);
        if (subject == "")
            claims.Remove("sub");
        return tenant.Site.Token(claims);
    }

    /// <summary>Calls the admin API as the page does; by default as tenant A's Jira admin.</summary>
    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null, InstalledTenant? tenant = null, string? subject = null) =>
        SendAsync(method, path, body, ContextToken(tenant ?? TenantA, subject));

    /// <summary>The admin API's JSON answer, asserting its status.</summary>
    public async Task<JsonNode> AdminJsonAsync(HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK, InstalledTenant? tenant = null)
    {
        using var response = await AdminAsync(method, path, body, tenant);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Initiates a connection to a private node on the tenant's project; its id, its invitation code and the whole answer.</summary>
    public async Task<(string Id, string Code, JsonNode Answer)> InitiateAsync(InstalledTenant? tenant = null, string? name = null)
    {
        tenant ??= TenantA;
        var body = new JsonObject { ["projectId"] = tenant.ProjectId, ["mode"] = "basic", ["type"] = "private" };
        if (name is not null)
            body["name"] = name;
        var answer = await AdminJsonAsync(HttpMethod.Post, "/api/admin/connections", body, HttpStatusCode.Created, tenant);
        return (answer["connection"]!["id"]!.GetValue<string>(), answer["invitationCode"]!.GetValue<string>(), answer);
    }

    /// <summary>Accepts <paramref name="code"/> as a private node does, asserting success; the answer's JSON.</summary>
    public async Task<JsonNode> AcceptAsync(string code, byte[]? nonce = null)
    {
        using var response = await TransportAsync("/transport/v1/accept", CodeContent.AcceptBody(code, nonce ?? CodeContent.NewNonce()));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>Calls a transport route as a private node does: anonymous, JSON.</summary>
    public Task<HttpResponseMessage> TransportAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body, token: null);

    /// <summary><paramref name="body"/>: a string is sent as it is (any bytes a client might send), anything else as JSON.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        return await client.SendAsync(request);
    }

    /// <summary>Every connection and invitation row as text: a refused request must leave it exactly as it was.</summary>
    public async Task<string> StoredAsync()
    {
        _ = App.Services; // the app has migrated the database
        return await Host.Database.RowsAsync("connections", "invitations");
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        return await Host.Database.ScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await App.DisposeAsync();
        Host.Dispose();
        await Jira.DisposeAsync();
    }
}
