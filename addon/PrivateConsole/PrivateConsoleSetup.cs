using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Api;
using ConnectAddon.PrivateConsole.Connections;
using ConnectAddon.PrivateConsole.Invitations;
using ConnectAddon.PrivateConsole.Login;
using ConnectAddon.PrivateConsole.Poller;
using ConnectAddon.PrivateConsole.PublicNode;
using ConnectAddon.PrivateConsole.Settings;
using ConnectAddon.Sync;
using ConnectAddon.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole;

public static class PrivateConsoleSetup
{
    /// <summary>
    /// The private node's console: its admin credential, login, and the console API (private role only). The role is
    /// known only once configuration is complete (a test host adds its own), so the services are registered for every
    /// role but act only on a private node: settings are validated, the credential made and the routes mapped there only.
    /// </summary>
    public static IServiceCollection AddPrivateConsole(this IServiceCollection services)
    {
        services.AddOptions<PrivateNodeOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                // A value that is no TimeSpan or boolean would throw at first use, with a stack trace; as a validation
                // failure it stops start-up with its key named (on a private node only).
                try
                {
                    config.GetSection(PrivateNodeOptions.Section).Bind(options);
                }
                catch (InvalidOperationException unreadable)
                {
                    options.BindingProblem = unreadable.Message;
                }
            })
            .ValidateOnStart();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivateNodeOptions>, PrivateNodeOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsoleOptions>, PrivateNodeOptionsValidator>());

        services.AddSingleton<ConsoleCredentialStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<TrustedDevice>();
        services.AddSingleton<ConsoleHostNames>();
        services.AddHostedService<ConsoleAdminBootstrap>();
        services.AddConsoleAuthentication();

        services.AddHttpClient(PublicNodeClient.HttpClientName)
            // PublicNodeClient's own deadline covers the body too, which HttpClient.Timeout would not.
            .ConfigureHttpClient(client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = PublicNodeClient.MaxAnswerBytes;
            })
            // Outbound only, and only where the code points and the destination guard allows: a pasted code must not
            // make this node reach into its own network. Redirects are not followed (their target was never checked).
            .UseDestinationGuard();
        // PrivateNode:AllowInsecurePublicNode is the private node's word for the guard's development mode.
        // Read from configuration, not from PrivateNodeOptions, whose own validation must not fail this one's.
        services.AddOptions<TransportOptions>().PostConfigure<IConfiguration, AddonSettings>((transport, config, settings) =>
        {
            if (settings.Role == NodeRole.Private && bool.TryParse(config[PrivateNodeOptions.Section + ":AllowInsecurePublicNode"], out var insecure) && insecure)
                transport.AllowInsecureDestinations = true;
        });
        services.AddSingleton<PublicNodeClient>();
        services.TryAddSingleton<ConnectionKeyProtector>();
        services.AddSingleton<PrivateConnectionStore>();
        services.AddSingleton<LocalJiraServer>();
        services.AddSingleton<LocalJira>();
        services.AddHostedService<LocalJiraCheck>();
        services.AddSingleton<InvitationChecker>();
        services.AddSingleton<InvitationAcceptor>();
        services.AddExchangePoller();
        services.AddChangeCapture();
        return services;
    }

    public static IEndpointRouteBuilder MapPrivateConsole(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<AddonSettings>().Role != NodeRole.Private)
            return routes;
        routes.MapConsoleLogin();
        routes.MapConsoleApi();
        return routes;
    }
}
