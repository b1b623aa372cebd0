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

    public static async Task<LoopbackProxy> StartAsync(IReadOnlyList<Uri> destinations)
    {
        var port = NodeProcess.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var cluster = new ClusterConfig
        {
            ClusterId = "public-nodes",
            LoadBalancingPolicy = "RoundRobin",
            HealthCheck = new HealthCheckConfig { Passive = new PassiveHealthCheckConfig { Enabled = true, ReactivationPeriod = TimeSpan.FromSeconds(3) } },
            HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
            Destinations = destinations.Select((d, i) => (i, d)).ToDictionary(x => $"node-{x.i + 1}", x => new DestinationConfig { Address = x.d.ToString() }),
        };
        var route = new RouteConfig { RouteId = "all", ClusterId = cluster.ClusterId, Match = new RouteMatch { Path = "{**rest}" } };
        builder.Services.AddReverseProxy().LoadFromMemory([route], [cluster]);
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
