using Microsoft.Extensions.Options;

namespace ConnectAddon.Connections;

/// <summary>Refuses lifetimes that make no sense, naming the key, so start-up stops with the reason instead of a stack trace.</summary>
internal sealed class ConnectionsOptionsValidator : IValidateOptions<ConnectionsOptions>
{
    // Long enough to copy and paste a code, short enough that a forgotten code stops being a credential.
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan MinimumPeerSilence = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaximumPeerSilence = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, ConnectionsOptions options)
    {
        if (options.BindingProblem is { } problem)
            return ValidateOptionsResult.Fail(problem);
        if (options.InvitationLifetime < MinimumLifetime || options.InvitationLifetime > MaximumLifetime)
            return ValidateOptionsResult.Fail(
                $"{ConnectionsOptions.Section}:{nameof(options.InvitationLifetime)} '{options.InvitationLifetime}' must be between 00:01:00 and 30.00:00:00");
        // Longer than an idle long-poll, so a healthy idle connection never looks silent.
        if (options.PeerSilenceLimit < MinimumPeerSilence || options.PeerSilenceLimit > MaximumPeerSilence)
            return ValidateOptionsResult.Fail(
                $"{ConnectionsOptions.Section}:{nameof(options.PeerSilenceLimit)} '{options.PeerSilenceLimit}' must be between 00:01:00 and 7.00:00:00");
        return ValidateOptionsResult.Success;
    }
}
