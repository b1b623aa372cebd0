using ConnectAddon.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectAddon.Sync.Capture;

/// <summary>Checks the capture settings at start on a private node (a public node has no JQL polling), naming every wrong key.</summary>
internal sealed class ChangeCaptureOptionsValidator(AddonSettings settings) : IValidateOptions<ChangeCaptureOptions>
{
    private const string Prefix = ChangeCaptureOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, ChangeCaptureOptions options)
    {
        if (settings.Role != NodeRole.Private)
            return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        if (options.BindingProblem is { } unreadable)
            problems.Add(unreadable);
        if (options.PollInterval < TimeSpan.FromMilliseconds(100) || options.PollInterval > TimeSpan.FromHours(1))
            problems.Add($"{Prefix}PollInterval must be between 100 ms and 1 hour: how often this node asks its Jira for changed issues");
        if (options.ChangeOverlap < TimeSpan.Zero || options.ChangeOverlap > TimeSpan.FromDays(1))
            problems.Add($"{Prefix}ChangeOverlap must be between 0 and 1 day: how far each poll looks back to cover clock differences and search lag");
        if (options.MaxPollBackoff < options.PollInterval || options.MaxPollBackoff > TimeSpan.FromHours(1))
            problems.Add($"{Prefix}MaxPollBackoff must be at least {Prefix}PollInterval and at most 1 hour");
        if (options.CapturePageSize is < 1 or > 100)
            problems.Add($"{Prefix}CapturePageSize must be between 1 and 100: Jira returns at most 100 issues per page with fields");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
