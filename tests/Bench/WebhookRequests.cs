using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.TestKit;

namespace ConnectAddon.Bench;

/// <summary>
/// Makes request number n of a run as Jira sends an <c>jira:issue_updated</c> webhook: a fresh HS256 token
/// signed with the tenant's shared secret, a unique delivery id, and a v2-shaped body about one of
/// <see cref="IssueCount"/> issues (so early requests add rows and later ones coalesce into them).
/// </summary>
public sealed class WebhookRequests(Uri appBaseUrl, string clientKey, string sharedSecret)
{
    public const int IssueCount = 500;
    public const string Path = "/webhooks/issue-updated";
    private const string DeliveryHeader = "X-Atlassian-Webhook-Identifier";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(180);
    private static readonly string PathQsh = Qsh.Of("POST", Path);
    private static readonly string Description = string.Concat(Enumerable.Repeat(
        "Steps to reproduce: open the board, drag the card to Done, reload. Expected the card to stay; it went back to In Progress. ", 3));

    private readonly Uri target = new(appBaseUrl, Path);
    private readonly string runId = Guid.NewGuid().ToString("N")[..8];

    public HttpRequestMessage Create(long n)
    {
        var issue = n % IssueCount;
        var body = new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["webhookEvent"] = "jira:issue_updated",
            ["issue_event_type_name"] = "issue_updated",
            ["user"] = new JsonObject { ["accountId"] = "557058:bench-user", ["displayName"] = "Bench User" },
            ["issue"] = new JsonObject
            {
                ["id"] = (10000 + issue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["key"] = $"BENCH-{issue + 1}",
                ["fields"] = new JsonObject
                {
                    ["summary"] = $"Card moves back after reload (request {n})",
                    ["description"] = Description,
                },
            },
            ["changelog"] = new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["field"] = "summary", ["fromString"] = "a", ["toString"] = "b" }),
            },
        };

        var token = TokenMinter.Hs256(sharedSecret, TokenMinter.Claims(clientKey, PathQsh, TokenLifetime));
        var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("JWT", token);
        request.Headers.Add(DeliveryHeader, $"{runId}-{n}-{Guid.NewGuid():N}");
        request.Headers.UserAgent.ParseAdd("Atlassian-Webhook-HTTP-Client");
        return request;
    }
}
