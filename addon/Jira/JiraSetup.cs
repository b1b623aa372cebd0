namespace ConnectAddon.Jira;

public static class JiraSetup
{
    /// <summary>The HTTP client for a tenant's Jira; every request it sends is signed by <see cref="ConnectJwtSigner"/>.</summary>
    public const string ConnectClient = "jira-connect";

    public static IServiceCollection AddJira(this IServiceCollection services)
    {
        services.AddTransient<ConnectJwtSigner>();
        services.AddHttpClient(ConnectClient).AddHttpMessageHandler<ConnectJwtSigner>();
        return services;
    }
}
