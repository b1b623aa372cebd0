using ConnectAddon.Connect.Descriptor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connect.Lifecycle;
using ConnectAddon.Connect.Pages;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Connect.Webhooks;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect;

public static class ConnectSetup
{
    public static IServiceCollection AddConnect(this IServiceCollection services)
    {
        services.AddSingleton<DescriptorTemplate>();
        services.TryAddSingleton<RefusalLog>();
        services.AddSingleton<TenantSecretProtector>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<InstallRequestVerifier>();
        services.AddHttpClient<InstallKeyProvider>(InstallKeyProvider.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddJiraJwtAuthentication();
        services.TryAddSingleton<DirtyIssueSignal>();
        services.AddSingleton<DirtyIssueLog>();
        services.AddHostedService<DeliveryPruner>();
        return services;
    }

    /// <summary>The routes Jira calls (descriptor, lifecycle, webhooks) on a public node only; the pages of either role.</summary>
    public static IEndpointRouteBuilder MapConnect(this IEndpointRouteBuilder routes)
    {
        routes.MapPages();
        if (routes.ServiceProvider.GetRequiredService<Hosting.AddonSettings>().Role != Hosting.NodeRole.Public)
            return routes;
        routes.MapDescriptor();
        routes.MapLifecycle();
        routes.MapWebhooks();
        return routes;
    }
}
