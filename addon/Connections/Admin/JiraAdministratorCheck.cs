using ConnectAddon.Connect.Jwt;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;

namespace ConnectAddon.Connections.Admin;

/// <summary>
/// Whether the caller of the admin API holds Administer Jira on the caller's own site (DESIGN §4), asked through the
/// typed client (<c>POST /rest/api/3/permissions/check</c>). A yes is remembered per (tenant, account) for at most
/// <see cref="CacheLifetime"/>, so a page that makes several calls costs Jira one check; a no is never remembered, so
/// a newly made admin is let in at once. Jira failing is a 503, never a yes.
/// </summary>
public sealed class JiraAdministratorCheck(JiraClientFactory jira, TimeProvider clock, ILogger<JiraAdministratorCheck> logger)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(15);
    public const int CacheCapacity = 10_000;

    private readonly BoundedCache<(string ClientKey, string AccountId), bool> confirmed = new(CacheCapacity, CacheLifetime, clock);

    /// <summary>Null when the caller may manage connections; otherwise the refusal to answer with.</summary>
    public async Task<ApiError?> RefusalAsync(JiraCaller caller, CancellationToken cancel)
    {
        if (caller.AccountId is not { } accountId)
            return ConnectionErrors.NotJiraAdmin("The token names no user (no 'sub' claim); only Jira administrators may manage connections.");

        var key = (caller.Tenant.ClientKey, accountId);
        // The time before asking: the answer is then trusted a little less than 15 minutes, never more.
        var asked = clock.GetUtcNow();
        if (confirmed.TryGet(key, out _))
            return null;

        var answer = await jira.For(caller.Tenant).IsJiraAdministratorAsync(accountId, cancel);
        if (!answer.IsSuccess)
        {
            logger.LogWarning("Admin check of {AccountId} on tenant {ClientKey} failed: {Error}", accountId, caller.Tenant.ClientKey, answer.Error);
            // Jira answers 400 for an account it does not know: a definite no, not an outage.
            return answer.Error.Kind == JiraErrorKind.BadRequest
                ? NotAdmin()
                : ConnectionErrors.JiraUnavailable("whether you are a Jira administrator");
        }
        if (!answer.Value)
            return NotAdmin();

        confirmed.Set(key, true, asked);
        return null;
    }

    private static ApiError NotAdmin() =>
        ConnectionErrors.NotJiraAdmin("Only Jira administrators may manage connections; ask one of your site's administrators.");
}
