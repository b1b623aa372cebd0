using ConnectAddon.Jira.Resilience;
using ConnectAddon.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Jira;

public static class JiraSetup
{
    /// <summary>The HTTP client for a tenant's Jira; every request it sends is signed by <see cref="ConnectJwtSigner"/>.</summary>
    public const string ConnectClient = "jira-connect";

    /// <summary>The HTTP client for a Forge tenant's Jira: its app token on every request (<see cref="JiraCredentialsHandler"/>), to the token's API base URL.</summary>
    public const string ForgeClient = "jira-forge";

    /// <summary>The HTTP client for a Jira reached with a private node's own credentials (<see cref="JiraCredentialsHandler"/>).</summary>
    public const string CredentialsClient = "jira-credentials";

    public static IServiceCollection AddJira(this IServiceCollection services)
    {
        services.AddOptions<JiraResilienceOptions>().BindConfiguration(JiraResilienceOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JiraResilienceOptions>, JiraResilienceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddTransient<ConnectJwtSigner>();
        services.AddTransient<JiraCredentialsHandler>();
        services.AddTransient<JiraResponseBuffering>();
        services.AddTransient<Quota.QuotaPauseHandler>();
        services.TryAddSingleton<Quota.JiraQuotaPauses>();
        services.AddHostedService(provider => provider.GetRequiredService<Quota.JiraQuotaPauses>());
        // Handlers run in the order added: the resilience pipeline first, so each attempt is buffered and
        // authenticated afresh (a new JWT per attempt, with its own iat/exp).
        // A tenant's base URL comes from Atlassian's signed install, yet it is still a URL this node did not choose: the
        // destination guard keeps it to public addresses (Jira Cloud always is). A private node's own Jira is the
        // operator's setting and sits inside their network by nature, so it is not guarded.
        services.AddHttpClient(ConnectClient).AddJiraPipeline().AddHttpMessageHandler<ConnectJwtSigner>().UseDestinationGuard();
        // A Forge tenant's API base URL comes from an invocation token Forge signed: guarded all the same.
        services.AddHttpClient(ForgeClient).AddJiraPipeline().AddHttpMessageHandler<JiraCredentialsHandler>().UseDestinationGuard();
        services.AddHttpClient(CredentialsClient).AddJiraPipeline().AddHttpMessageHandler<JiraCredentialsHandler>();
        services.AddSingleton<JiraPeopleNames>();
        services.AddSingleton<JiraClientFactory>();
        return services;
    }

    private static IHttpClientBuilder AddJiraPipeline(this IHttpClientBuilder builder) => builder
        // The pipeline's total timeout governs; HttpClient's own 100 s would cut attachment transfers short.
        .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
        .AddJiraResilience()
        // Inside the retries: each attempt asks whether the site's quota pause lasts, and a quota 429 starts one.
        .AddHttpMessageHandler<Quota.QuotaPauseHandler>()
        .AddHttpMessageHandler<JiraResponseBuffering>();
}
