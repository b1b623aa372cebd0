using System.Net.Http.Json;
using ConnectAddon.PrivateConsole.Poller;
using ConnectAddon.PrivateConsole.PublicNode;
using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using ConnectAddon.Transport.Attachments;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Transport.Attachments;

/// <summary>
/// A public node (<see cref="PublicAttachments"/>) and a private node, both in-process, paired by the real invitation
/// flow; the private node's HTTP clients (invitation, exchange and attachments) reach the public node's test server.
/// </summary>
public sealed class AttachmentPair : IAsyncDisposable
{
    private AttachmentPair(PublicAttachments publicNode, AddonHost privateHost, WebApplicationFactory<Program> privateApp, string id)
    {
        Public = publicNode;
        PrivateHost = privateHost;
        PrivateApp = privateApp;
        ConnectionId = id;
    }

    public PublicAttachments Public { get; }
    public AddonHost PrivateHost { get; }
    public WebApplicationFactory<Program> PrivateApp { get; }
    public string ConnectionId { get; }

    public AttachmentTransferClient Client => PrivateApp.Services.GetRequiredService<AttachmentTransferClient>();
    public AttachmentPeers Peers => PrivateApp.Services.GetRequiredService<AttachmentPeers>();

    /// <param name="publicSettings">Settings of the public node over the harness's.</param>
    /// <param name="privateSettings">Settings of the private node over its defaults.</param>
    /// <param name="publicServices">Services of the public node the test replaces.</param>
    public static async Task<AttachmentPair> StartAsync(Dictionary<string, string?>? publicSettings = null, Dictionary<string, string?>? privateSettings = null,
        Action<IServiceCollection>? publicServices = null)
    {
        var publicNode = await PublicAttachments.StartAsync(publicSettings, publicServices);
        var (id, code, _) = await publicNode.Node.InitiateAsync();

        var settings = PrivateNode.Settings(publicNode.Node.Jira.Site("site-b").BaseUrl);
        foreach (var (key, value) in privateSettings ?? [])
            settings[key] = value;
        var privateHost = new AddonHost(settings);
        var server = publicNode.Node.App.Server;
        var privateApp = privateHost.WithWebHostBuilder(web => web.ConfigureTestServices(s =>
        {
            s.AddHttpClient(PublicNodeClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
            s.AddHttpClient(ExchangeClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
            s.AddHttpClient(AttachmentTransferClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
        }));

        using var browser = privateApp.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        using (var login = await browser.PostAsJsonAsync("/console/login", new { username = "admin", password = PrivateNode.Password }))
            Assert.That(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        using (var accept = await browser.PostAsJsonAsync("/api/console/connections/accept", new { code, projectKey = "GLX" }))
            Assert.That((int)accept.StatusCode, Is.EqualTo(201), await accept.Content.ReadAsStringAsync());
        return new AttachmentPair(publicNode, privateHost, privateApp, id);
    }

    /// <summary>The private side's peer for the paired connection, as the sync would obtain it.</summary>
    public async Task<AttachmentPeer> PeerAsync() =>
        await Peers.ForConnectionAsync(ConnectionId) ?? throw new AssertionException("The accepted connection has no peer.");

    public async ValueTask DisposeAsync()
    {
        await PrivateApp.DisposeAsync();
        PrivateHost.Dispose();
        await Public.DisposeAsync();
    }
}
