using ConnectAddon.Sync.Capture;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync;

public static class SyncSetup
{
    /// <summary>
    /// The private node's change capture (Sync/README.md). Registered for every role, like the console, because the
    /// role is known only once configuration is complete; settings are checked and the polling runs on a private node only.
    /// </summary>
    public static IServiceCollection AddChangeCapture(this IServiceCollection services)
    {
        services.AddOptions<ChangeCaptureOptions>()
            .Configure<IConfiguration>((options, config) =>
            {
                // A value that is no TimeSpan or number would throw at first use; as a validation failure it stops
                // start-up with its key named.
                try
                {
                    config.GetSection(ChangeCaptureOptions.Section).Bind(options);
                }
                catch (InvalidOperationException unreadable)
                {
                    options.BindingProblem = unreadable.Message;
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ChangeCaptureOptions>, ChangeCaptureOptionsValidator>());
        services.AddSingleton<SearcherTimeZone>();
        services.AddSingleton<ChangeCursorStore>();
        services.AddSingleton<JqlChangeDetector>();
        services.AddHostedService<ChangeCaptureService>();
        return services;
    }
}
