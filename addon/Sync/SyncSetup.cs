using ConnectAddon.Sync.IssueView;
using ConnectAddon.Sync.Capture;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ConnectAddon.Sync.Errors;
using ConnectAddon.Sync.Incoming;
using ConnectAddon.Sync.Outgoing;
using ConnectAddon.Sync.Triggers;
using ConnectAddon.Sync.Twins;

namespace ConnectAddon.Sync;

/// <summary>The sync engine (Sync/README.md): the same on both roles; only where changes come from and which Jira it writes differ.</summary>
public static class SyncSetup
{
    /// <summary>The sync's own routes outside the admin and console APIs: the issue glance's API (public node).</summary>
    public static IEndpointRouteBuilder MapSync(this IEndpointRouteBuilder routes) => routes.MapIssueView();

    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .Validate(o => o.OutgoingConcurrency is >= 1 and <= 32, "Sync:OutgoingConcurrency must be 1 to 32.")
            .Validate(o => o.BulkQueuedLimit is >= 10 and <= 100_000, "Sync:BulkQueuedLimit must be 10 to 100000.")
            .Validate(o => o.BulkQuotaReserve is >= 0 and <= 1_000_000, "Sync:BulkQuotaReserve must be 0 to 1000000.")
            .Validate(o => o.ClaimLease >= TimeSpan.FromSeconds(10) && o.ClaimLease <= TimeSpan.FromHours(1), "Sync:ClaimLease must be 10 seconds to 1 hour.")
            .Validate(o => o.IdleRecheck >= TimeSpan.FromMilliseconds(50) && o.IdleRecheck <= TimeSpan.FromMinutes(1), "Sync:IdleRecheck must be 50 ms to 1 minute.")
            .Validate(o => o.KeepAppliedEvents >= TimeSpan.Zero && o.KeepAppliedEvents <= TimeSpan.FromDays(365), "Sync:KeepAppliedEvents must be 0 to 365 days.")
            .Validate(o => o.CatchUpInterval >= TimeSpan.FromSeconds(1) && o.CatchUpInterval <= TimeSpan.FromHours(1), "Sync:CatchUpInterval must be 1 second to 1 hour.")
            .ValidateOnStart();
        services.AddSingleton<SyncConnections>();
        services.AddSingleton<LocalTracker>();
        services.AddSingleton<TwinStore>();
        services.AddSingleton<TriggerStore>();
        services.AddSingleton<SyncErrorStore>();
        services.AddSingleton<DirtyQueue>();
        services.AddSingleton<AttachmentSharing>();
        services.AddSingleton<OutgoingSync>();
        services.AddSingleton<IssueTypeMapper>();
        services.AddSingleton<PeerAttachmentBytes>();
        services.AddSingleton<TwinCopies>();
        services.AddSingleton<IncomingSync>();
        services.AddSingleton<ApplyLeases>();
        services.AddSingleton<Admin.SyncAdministration>();
        services.AddSingleton<IssueView.IssuePermissionCheck>();
        services.AddSingleton<IssueView.IssueSyncService>();
        services.TryAddSingleton<Admin.BulkSignal>();
        services.AddSingleton<Admin.BulkRuns>();
        services.AddHostedService(sp => sp.GetRequiredService<Admin.BulkRuns>());
        services.AddSingleton<IncomingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<IncomingWorker>());
        services.AddHostedService<OutgoingWorker>();
        services.TryAddSingleton<CatchUpSignal>();
        services.AddHostedService<CatchUpService>();
        return services;
    }

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
        services.TryAddSingleton<Connect.Webhooks.DirtyIssueSignal>();
        services.AddSingleton<SearcherTimeZone>();
        services.AddSingleton<ChangeCursorStore>();
        services.AddSingleton<JqlChangeDetector>();
        services.AddHostedService<ChangeCaptureService>();
        return services;
    }
}
