using ConnectAddon.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Transport.Attachments;

public static class AttachmentSetup
{
    /// <summary>
    /// Attachment bytes between nodes, both roles: the limit (<c>Transport:MaxAttachmentBytes</c>, checked at start),
    /// the public node's shelf and route services, and the private node's client. Called by
    /// <see cref="ExchangeSetup.AddExchange"/>, which runs more than once; the first call wins.
    /// </summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AttachmentShelf)))
            return services;
        services.AddOptions<AttachmentOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                // "100MB" would otherwise throw at first use, with a stack trace; as a validation failure it stops
                // start-up with the key named.
                try
                {
                    config.GetSection(AttachmentOptions.Section).Bind(options);
                }
                catch (InvalidOperationException unreadable)
                {
                    options.BindingProblem = unreadable.InnerException?.Message ?? unreadable.Message;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectionKeyProtector>();

        services.AddSingleton<AttachmentShelf>();
        services.AddSingleton<AttachmentReceiver>();
        services.AddSingleton<AttachmentSender>();
        services.AddHostedService<KeptAttachmentPruner>();

        services.AddSingleton<AttachmentPeers>();
        services.AddSingleton<AttachmentTransferClient>();
        services.AddHttpClient(AttachmentTransferClient.HttpClientName)
            // No overall timeout: a large file takes as long as it takes. AttachmentTransferClient stops a transfer
            // that makes no progress for PrivateNode:PublicNodeTimeout instead.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Outbound only, to the URL the invitation named, where the destination guard allows: no redirects, no cookies.
            .UseDestinationGuard()
            // One pool for good, as the exchange's (PollerSetup): its connections end by their pooled lifetime, when the
            // name is checked again, not by the factory's handler rotation every 2 minutes.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services;
    }
}
