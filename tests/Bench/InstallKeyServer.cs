using System.Net;
using ConnectAddon.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectAddon.Bench;

/// <summary>
/// Plays Atlassian's install key server (<c>connect-install-keys.atlassian.com</c>) on a free port of 127.0.0.1:
/// <c>GET /{kid}</c> answers the PEM public key of <see cref="Keys"/>, any other kid 404.
/// </summary>
public sealed class InstallKeyServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private InstallKeyServer(WebApplication app, InstallKeyPair keys, Uri baseUrl)
    {
        this.app = app;
        Keys = keys;
        BaseUrl = baseUrl;
    }

    public InstallKeyPair Keys { get; }
    public Uri BaseUrl { get; }

    public static async Task<InstallKeyServer> StartAsync(CancellationToken cancel)
    {
        var keys = new InstallKeyPair("bench-install-key");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var pem = keys.PublicKeyPem;
        app.MapGet("/{kid}", (string kid) => kid == keys.Kid ? Results.Text(pem, "text/plain") : Results.NotFound());
        try
        {
            await app.StartAsync(cancel);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
                ?? throw new BenchmarkFailedException("The install key server started without an address.");
            return new InstallKeyServer(app, keys, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            keys.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(stop.Token);
        }
        finally
        {
            await app.DisposeAsync();
            Keys.Dispose();
        }
    }
}
