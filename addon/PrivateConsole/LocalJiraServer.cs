using ConnectAddon.Jira;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole;

/// <summary>
/// Which Jira this private node talks to, read from the Jira itself (<c>GET rest/api/2/serverInfo</c>, which Jira Cloud
/// and Data Center both answer: "Jira Data Center REST API: Server info", "Jira Cloud REST API v2: Server info"), so an
/// operator configures a URL and credentials and never a flavour. Known for ten minutes (an upgrade is noticed); a
/// failure is asked again after <see cref="RetryAfterFailure"/>, never in a tight loop. Every change of what it knows is
/// logged once: the product at Information, a refusal at Error with what to do.
/// </summary>
public sealed class LocalJiraServer(JiraClientFactory factory, IOptions<PrivateNodeOptions> options, TimeProvider clock, ILogger<LocalJiraServer> logger)
{
    public static readonly TimeSpan KnownFor = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim asking = new(1, 1);
    private (JiraProduct? Product, string? Problem, DateTimeOffset Until)? known;

    /// <summary>The product as last read, or why it cannot be used; null before the first answer.</summary>
    public (JiraProduct? Product, string? Problem)? Last => known is { } k ? (k.Product, k.Problem) : null;

    public async Task<JiraResult<JiraProduct>> IdentifyAsync(CancellationToken cancel)
    {
        if (Fresh() is { } hit)
            return hit;
        await asking.WaitAsync(cancel);
        try
        {
            if (Fresh() is { } again)
                return again;
            var (product, problem) = await AskAsync(cancel);
            if (known?.Product != product || known?.Problem != problem)
            {
                if (product is not null)
                    logger.LogInformation("This node's Jira at {BaseUrl} is {Product}", Options.BaseUrl, product.DisplayName);
                else
                    logger.LogError("This node's Jira at {BaseUrl} cannot be used: {Problem}", Options.BaseUrl, problem);
            }
            known = (product, problem, clock.GetUtcNow() + (product is null ? RetryAfterFailure : KnownFor));
            return Answer(product, problem);
        }
        finally
        {
            asking.Release();
        }
    }

    private PrivateJiraOptions Options => options.Value.Jira;

    private JiraResult<JiraProduct>? Fresh()
    {
        if (known is { } k && k.Until > clock.GetUtcNow())
            return Answer(k.Product, k.Problem);
        return null;
    }

    private static JiraResult<JiraProduct> Answer(JiraProduct? product, string? problem) =>
        product is not null ? product : new JiraError { Kind = JiraErrorKind.Unavailable, Message = problem! };

    private async Task<(JiraProduct?, string?)> AskAsync(CancellationToken cancel)
    {
        var baseUrl = new Uri(Options.BaseUrl!);
        // The Data Center client's root is REST v2, whose server info both flavours answer.
        var info = await factory.For(baseUrl, Options.ToCredentials(), JiraFlavour.DataCenter).GetServerInfoAsync(cancel);
        if (info.IsSuccess)
            return JiraProduct.From(info.Value);
        var error = info.Error;
        return (null, error.Kind switch
        {
            JiraErrorKind.Unauthorized => $"it refused the configured credentials (PrivateNode:Jira). On Jira Data Center use a personal access token " +
                                          $"(PrivateNode:Jira:PersonalAccessToken; Profile → Personal Access Tokens); from Jira 11 basic authentication is off unless an admin allows it. {error.Message}",
            JiraErrorKind.Forbidden => "it refused this node's user: with basic authentication turned off (Jira 11's default) use a personal access token " +
                                       $"(PrivateNode:Jira:PersonalAccessToken); else a CAPTCHA after failed logins may hold the user. {error.Message}",
            JiraErrorKind.NotFound => $"{baseUrl.AbsoluteUri.TrimEnd('/')}/rest/api/2/serverInfo does not exist: is PrivateNode:Jira:BaseUrl the address people open Jira with, " +
                                      "with its context path (https://jira.corp.example/jira)?",
            JiraErrorKind.InvalidResponse => "its answer is not Jira's REST API (an HTML page: a login page of single sign-on, a proxy's error page?). " +
                                             "Check PrivateNode:Jira:BaseUrl, with its context path, and that requests with a token reach Jira. " + error.Message,
            _ => error.Message,
        });
    }
}
