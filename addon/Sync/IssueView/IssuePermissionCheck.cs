using ConnectAddon.Connect.Jwt;
using ConnectAddon.Connections;
using ConnectAddon.Hosting;
using ConnectAddon.Jira;

namespace ConnectAddon.Sync.IssueView;

/// <summary>
/// Which project permissions the calling user holds on one issue, asked through Jira's permission check
/// (<c>POST /rest/api/3/permissions/check</c> with <c>projectPermissions</c>; DESIGN §4: module conditions only hide
/// the glance, every call checks). A yes is remembered per (tenant, account, issue, permission) for at most
/// <see cref="CacheLifetime"/>, so the panel's refreshes cost Jira little; a no is never remembered, so a user who was
/// just given the permission is let in at once. Jira failing is a 503, never a yes.
/// </summary>
public sealed class IssuePermissionCheck(JiraClientFactory jira, TimeProvider clock, ILogger<IssuePermissionCheck> logger)
{
    // Shorter than the admin check's 15 minutes: project roles change more often than Jira administrators, and a
    // revoked Edit Issues should stop the Exalate action soon.
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    public const int CacheCapacity = 50_000;

    private readonly BoundedCache<(string ClientKey, string AccountId, long IssueId, string Permission), bool> confirmed = new(CacheCapacity, CacheLifetime, clock);

    /// <summary>Which of <paramref name="permissions"/> <paramref name="accountId"/> holds on the issue; an error only when Jira could not say.</summary>
    public async Task<Result<IReadOnlySet<string>>> HeldAsync(JiraCaller caller, string accountId, long issueId, IReadOnlyCollection<string> permissions, CancellationToken cancel)
    {
        var clientKey = caller.Tenant.ClientKey;
        // The time before asking: the answer is then trusted a little less than the lifetime, never more.
        var asked = clock.GetUtcNow();
        var held = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var permission in permissions)
        {
            if (confirmed.TryGet((clientKey, accountId, issueId, permission), out _))
                held.Add(permission);
            else
                unknown.Add(permission);
        }
        if (unknown.Count == 0)
            return held;

        var answer = await jira.For(caller.Tenant).IssuePermissionsAsync(accountId, issueId, unknown, cancel);
        if (!answer.IsSuccess)
        {
            logger.LogWarning("Permission check of {AccountId} on issue {IssueId} of tenant {ClientKey} failed: {Error}", accountId, issueId, clientKey, answer.Error);
            // Jira answers 400 for an account it does not know: a definite no, not an outage.
            if (answer.Error.Kind == JiraErrorKind.BadRequest)
                return held;
            return ConnectionErrors.JiraUnavailable("whether you may see and edit this issue");
        }

        foreach (var permission in answer.Value)
        {
            held.Add(permission);
            confirmed.Set((clientKey, accountId, issueId, permission), true, asked);
        }
        return held;
    }
}
