using ConnectAddon.Connections.Admin;
using ConnectAddon.Connections.Invitations;
using ConnectAddon.Hosting;
using ConnectAddon.Transport.Invitations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Connections;

public static class ConnectionsSetup
{
    /// <summary>Connections and invitations (both roles), the admin API and the invitation routes of transport v1 (public role).</summary>
    public static IServiceCollection AddConnectionManagement(this IServiceCollection services)
    {
        services.AddOptions<ConnectionsOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                // A value that is no TimeSpan would otherwise throw at first use; as a validation failure it stops start-up with its key named.
                try
                {
                    config.GetSection(ConnectionsOptions.Section).Bind(options);
                }
                catch (InvalidOperationException unreadable)
                {
                    options.BindingProblem = unreadable.Message;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectionsOptions>, ConnectionsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<ConnectionKeyProtector>();
        services.AddSingleton<Invitations.InvitationCodeProtector>();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<InvitationAcceptance>();
        services.AddSingleton<ConnectionAdministration>();
        services.AddSingleton<JiraAdministratorCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapConnectionManagement(this IEndpointRouteBuilder routes)
    {
        if (routes.ServiceProvider.GetRequiredService<AddonSettings>().Role != NodeRole.Public)
            return routes;
        routes.MapAdminApi();
        routes.MapInvitationTransport();
        return routes;
    }
}
