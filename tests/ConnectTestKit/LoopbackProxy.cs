using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ConnectAddon.TestKit;

/// <summary>
/// A reverse proxy on loopback in front of several public-node processes (YARP, in this process; real HTTP both
/// sides), as an operator runs one (README, "Running on PostgreSQL and several processes"): requests go round-robin
/// to the processes, a process that refuses connections is left out for a few seconds (passive health), and a
/// request in flight to a killed process fails with 502, which Jira's webhook retries and the private node's backoff
/// carry over. Long-polls pass through (no timeout under 100 s).
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackProxy(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <param name="pinned">
    /// A path prefix (e.g. <c>/transport/</c>) whose requests all go to the first destination while every other request
    /// goes round-robin to the rest: the benchmark's way to have each webhook land on another process than the one
    /// holding the private node's long-poll. Null: every request round-robin to all.
    /// </param>
    public static async Task<LoopbackProxy> StartAsync(IReadOnlyList<Uri> destinations, string? pinned = null)
    {
        if (pinned is not null && destinations.Count < 2)
            throw new ArgumentException("Pinning a path to one process needs another for the rest.", nameof(destinations));
        var port = NodeProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var numbered = destinations.Select((d, i) => (Name: $"node-{i + 1}", Address: d)).ToList();
        var all = Cluster("public-nodes", pinned is null ? numbered : numbered.Skip(1));
        var routes = new List<RouteConfig> { new() { RouteId = "all", ClusterId = all.ClusterId, Match = new RouteMatch { Path = "{**rest}" } } };
        var clusters = new List<ClusterConfig> { all };
        if (pinned is not null)
        {
            var first = Cluster("pinned", numbered.Take(1));
            clusters.Add(first);
            // A longer literal prefix ranks before the catch-all in YARP's route order.
            routes.Add(new RouteConfig { RouteId = "pinned", ClusterId = first.ClusterId, Match = new RouteMatch { Path = pinned.TrimEnd('/') + "/{**rest}" } });
        }
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        var app = builder.Build();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(NextProcessOnConnectFailureAsync);
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        await app.StartAsync();
        return new LoopbackProxy(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    private static ClusterConfig Cluster(string id, IEnumerable<(string Name, Uri Address)> destinations) => new()
    {
        ClusterId = id,
        LoadBalancingPolicy = "RoundRobin",
        HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, ReactivationPeriod = TimeSpan.FromSeconds(3) } },
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
        Destinations = destinations.ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address.ToString() }),
    };

    /// <summary>
    /// nginx's <c>proxy_next_upstream error</c> (as README's sample configures it): a request whose process refused the
    /// connection was never seen by it, so it goes to another process, and the caller sees no 502 for a dead one.
    /// </summary>
    private static async Task NextProcessOnConnectFailureAsync(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        for (var attempt = 1; ; attempt++)
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted || attempt >= candidates.Count
                || error.Error is not (ForwarderError.Request or ForwarderError.RequestCreation) || error.Exception is not HttpRequestException { InnerException: System.Net.Sockets.SocketException })
                return;
            candidates = candidates.Where(d => d != proxy.ProxiedDestination).ToList();
            proxy.AvailableDestinations = candidates;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Request.Body.Position = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
