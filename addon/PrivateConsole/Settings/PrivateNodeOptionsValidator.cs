using ConnectAddon.Hosting;
using ConnectAddon.PrivateConsole.Login;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole.Settings;

/// <summary>
/// Checks <c>PrivateNode</c> and <c>Console</c> at start when this is a private node (a public node ignores them),
/// naming every key that is wrong. Messages never repeat a secret's value.
/// </summary>
internal sealed class PrivateNodeOptionsValidator(AddonSettings settings) : IValidateOptions<PrivateNodeOptions>, IValidateOptions<ConsoleOptions>
{
    private const string Jira = PrivateNodeOptions.Section + ":Jira:";

    public ValidateOptionsResult Validate(string? name, PrivateNodeOptions options)
    {
        if (settings.Role != NodeRole.Private)
            return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        if (options.BindingProblem is { } unreadable)
            problems.Add(unreadable);

        if (string.IsNullOrWhiteSpace(options.Name) || options.Name.Length > 80)
            problems.Add($"{PrivateNodeOptions.Section}:Name must be 1 to 80 characters: the name the public node's admins see for this node");

        var jira = options.Jira;
        if (string.IsNullOrWhiteSpace(jira.BaseUrl))
            problems.Add($"{Jira}BaseUrl is missing: the URL of this node's Jira, e.g. https://jira.intranet.example");
        else if (!Uri.TryCreate(jira.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                 || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
            problems.Add($"{Jira}BaseUrl '{jira.BaseUrl}' is not an absolute http(s) URL without credentials, query or fragment");

        var byToken = !string.IsNullOrEmpty(jira.Email) || !string.IsNullOrEmpty(jira.ApiToken);
        var byPat = !string.IsNullOrEmpty(jira.PersonalAccessToken);
        var byPassword = !string.IsNullOrEmpty(jira.Username) || !string.IsNullOrEmpty(jira.Password);
        var ways = (byToken ? 1 : 0) + (byPat ? 1 : 0) + (byPassword ? 1 : 0);
        if (ways > 1)
            problems.Add($"{Jira}PersonalAccessToken, {Jira}Username/{Jira}Password and {Jira}Email/{Jira}ApiToken: more than one is set; use exactly one way to reach Jira");
        else if (ways == 0)
            problems.Add($"{Jira}PersonalAccessToken (Jira Data Center), {Jira}Username with {Jira}Password (Data Center with basic authentication on), " +
                         $"or {Jira}Email with {Jira}ApiToken (Jira Cloud) is missing: the credentials this node reaches its Jira with");
        else if (byToken && string.IsNullOrWhiteSpace(jira.Email))
            problems.Add($"{Jira}Email is missing: the Atlassian account that {Jira}ApiToken belongs to");
        else if (byToken && string.IsNullOrWhiteSpace(jira.ApiToken))
            problems.Add($"{Jira}ApiToken is missing: the API token of {Jira}Email");
        else if (byPassword && (string.IsNullOrWhiteSpace(jira.Username) || jira.Username.Contains(':')))
            problems.Add($"{Jira}Username is missing or holds ':': the Data Center user that {Jira}Password belongs to");
        else if (byPassword && string.IsNullOrEmpty(jira.Password))
            problems.Add($"{Jira}Password is missing: the password of {Jira}Username");

        if (options.PublicNodeTimeout < TimeSpan.FromMilliseconds(100) || options.PublicNodeTimeout > TimeSpan.FromMinutes(10))
            problems.Add($"{PrivateNodeOptions.Section}:PublicNodeTimeout must be between 100 ms and 10 minutes");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        if (settings.Role != NodeRole.Private)
            return ValidateOptionsResult.Skip;
        var problems = new List<string>();
        // Empty means "keep the stored one": an environment variable set to nothing must not become the password.
        if (options.AdminPassword is { Length: > 0 } password && !ConsolePasswordRule.IsStrongEnough(password))
            problems.Add($"{ConsoleOptions.Section}:AdminPassword is too short: use at least {ConsolePasswordRule.MinLength} characters, or leave it unset to have one generated");
        if (options.SessionIdleTimeout < TimeSpan.FromMinutes(1) || options.SessionIdleTimeout > TimeSpan.FromHours(24))
            problems.Add($"{ConsoleOptions.Section}:SessionIdleTimeout must be between 00:01:00 and 1.00:00:00");
        if (options.SessionLifetime < options.SessionIdleTimeout || options.SessionLifetime > TimeSpan.FromDays(30))
            problems.Add($"{ConsoleOptions.Section}:SessionLifetime must be at least SessionIdleTimeout and at most 30.00:00:00");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
