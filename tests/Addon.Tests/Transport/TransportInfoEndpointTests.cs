using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Support;

namespace ConnectAddon.Tests.Transport;

/// <summary><c>GET /transport/v1/info</c> as the contract documents it (Connections/README.md): anonymous, no secrets.</summary>
public class TransportInfoEndpointTests
{
    private static string ExpectedVersion =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Test]
    public async Task Info_WithoutAuthentication_AnswersTheDocumentedShape()
    {
        using var host = new AddonHost();
        using var response = await host.CreateClient().GetAsync("/transport/v1/info");
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "name", "version", "role", "connectionTypes" }));
        Assert.That((string?)json["name"], Is.EqualTo("Exalate at addon.example.test"));
        Assert.That((string?)json["version"], Is.EqualTo(ExpectedVersion).And.Not.Empty);
        Assert.That((string?)json["role"], Is.EqualTo("public"));
        Assert.That(json["connectionTypes"]!.ToJsonString(), Is.EqualTo("""[{"type":"private","modes":["basic"]}]"""));
    }

    [Test]
    public async Task Info_NameIsTheConfiguredAddonNameAtTheBaseUrlsHost()
    {
        using var host = new AddonHost(new() { ["Addon:Name"] = "Acme Sync", ["Addon:BaseUrl"] = "https://sync.acme.test:8443/exalate" });
        var json = JsonNode.Parse(await host.CreateClient().GetStringAsync("/transport/v1/info"))!;

        Assert.That((string?)json["name"], Is.EqualTo("Acme Sync at sync.acme.test"));
    }

    [Test]
    public async Task Info_SaysNothingSecret()
    {
        using var host = new AddonHost();
        var site = await host.InstallAsync();
        var body = await host.CreateClient().GetStringAsync("/transport/v1/info");

        Assert.That(body, Does.Not.Contain(site.SharedSecret));
        Assert.That(body, Does.Not.Contain(site.ClientKey));
        Assert.That(body, Does.Not.Contain(host.DataDirectory));
        Assert.That(body, Does.Not.Contain("Data Source"));
    }

    [Test]
    public async Task Info_OfThisApp_IsReadByTheClientOfAnotherNode()
    {
        using var app = new AddonHost();
        var body = await app.CreateClient().GetStringAsync("/transport/v1/info");
        using var harness = new TransportHarness(allowInsecure: true);
        using var node = WireMock.Server.WireMockServer.Start();
        node.Given(WireMock.RequestBuilders.Request.Create().WithPath("/transport/v1/info").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

        var result = await harness.Client.GetInfoAsync($"http://localhost:{node.Port}/", CancellationToken.None);

        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        var reread = JsonSerializer.SerializeToNode(result.Value, JsonSerializerOptions.Web);
        Assert.That(JsonNode.DeepEquals(reread, JsonNode.Parse(body)), Is.True, reread!.ToJsonString());
    }
}
