using ConnectAddon.Forge.Jwt;
using ConnectAddon.Hosting;
using ConnectAddon.Sync.Outgoing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConnectAddon.Forge;

public static class ForgeSetup
{
    /// <summary>
    /// The back end as the Forge app's remote (manifest.yml): Forge Invocation Tokens, installations and app tokens,
    /// the routes Forge calls, and the page routes' scheme that takes Connect or Forge callers alike.
    /// </summary>
    public static IServiceCollection AddForge(this IServiceCollection services)
    {
        services.AddOptions<ForgeOptions>().BindConfiguration(ForgeOptions.Section)
            .Validate(o => o.Problem is null, "Forge:AppId must be a Forge app id (ari:cloud:ecosystem::app/<uuid>, or the uuid) and Forge:JwksUrl an absolute http(s) URL")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RefusalLog>();
        services.TryAddSingleton<CatchUpSignal>();
        // Forge's published keys: a URL of the operator's (Forge:JwksUrl), read with a short timeout.
        services.AddHttpClient(ForgeKeySet.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<ForgeKeySet>();
        services.AddSingleton<InvocationTokenVerifier>();
        services.AddSingleton<ForgeInstallations>();
        services.AddSingleton<ForgeSiteAddress>();
        services.AddAuthentication().AddJiraPageCall();
        services.AddAuthorizationBuilder()
            .AddPolicy(JiraPageCall.Scheme, p => p.AddAuthenticationSchemes(JiraPageCall.Scheme).RequireAuthenticatedUser())
            .AddPolicy(JiraPageCall.ForgeScheme, p => p.AddAuthenticationSchemes(JiraPageCall.ForgeScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>The routes Forge calls, on a public node only (a private node is no app's remote).</summary>
    public static IEndpointRouteBuilder MapForge(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<AddonSettings>().Role == NodeRole.Public)
            routes.MapForgeEndpoints();
        return routes;
    }
}
