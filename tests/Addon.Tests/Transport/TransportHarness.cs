using ConnectAddon.Tests.Support;
using ConnectAddon.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.Server;

namespace ConnectAddon.Tests.Transport;

/// <summary>
/// The transport services wired as the app wires them (<see cref="TransportSetup.AddTransport"/> from configuration),
/// optionally with a DNS of the test's making. Tests start WireMock servers on loopback to play other nodes.
/// </summary>
public sealed class TransportHarness : IDisposable
{
    public TransportHarness(bool allowInsecure, IHostAddressResolver? resolver = null, TimeSpan? infoTimeout = null, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Transport:AllowInsecureDestinations"] = allowInsecure ? "true" : "false",
            ["Transport:InfoTimeout"] = (infoTimeout ?? TimeSpan.FromSeconds(5)).ToString("c"),
        };
        foreach (var (key, value) in more ?? [])
            settings[key] = value;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddTransport();
        if (resolver is not null)
            services.AddSingleton(resolver);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ServiceProvider Services { get; }
    public INodeInfoClient Client => Services.GetRequiredService<INodeInfoClient>();
    public DestinationUrlGuard Guard => Services.GetRequiredService<DestinationUrlGuard>();
    public LogCapture Logs { get; } = new();

    /// <summary>The paths a node was asked for, in order.</summary>
    public static List<string> PathsAsked(WireMockServer node) =>
        node.LogEntries.OrderBy(e => e.RequestMessage!.DateTime).Select(e => e.RequestMessage!.Path).ToList();

    public void Dispose() => Services.Dispose();
}
