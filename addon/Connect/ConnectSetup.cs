using ConnectAddon.Connect.Descriptor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connect.Lifecycle;
using ConnectAddon.Connect.Pages;
using ConnectAddon.Connect.Tenants;
using ConnectAddon.Connect.Webhooks;

namespace ConnectAddon.Connect;

public static class ConnectSetup
{
    public static IServiceCollection AddConnect(this IServiceCollection services)
    {
        services.AddSingleton<DescriptorTemplate>();
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

    public static IEndpointRouteBuilder MapConnect(this IEndpointRouteBuilder routes)
    {
        routes.MapDescriptor();
        routes.MapLifecycle();
        routes.MapWebhooks();
        routes.MapPages();
        return routes;
    }
}
