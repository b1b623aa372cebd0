using ConnectAddon.Tests.PrivateConsole;
using ConnectAddon.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectAddon.Tests.Hosting;

/// <summary>
/// A node maps only the routes of its role: a private node serves no route Jira calls (lifecycle, webhooks, pages,
/// the descriptor) and no admin API, and a public node has no console. The lists are complete on purpose, so a new
/// route has to be given to a role here, where a reviewer sees it.
/// </summary>
public class RoleRoutesTests
{
    private static readonly string[] Shared =
    [
        "GET /healthz", "GET /transport/v1/info", "GET /connections/{file}",
    ];

    private static readonly string[] PublicOnly =
    [
        "GET /atlassian-connect.json",
        "POST /lifecycle/installed", "POST /lifecycle/uninstalled", "POST /lifecycle/enabled", "POST /lifecycle/disabled",
        "POST /webhooks/{kind}",
        "GET /pages/connections", "GET /pages/issue-sync", "GET /issue-sync/{file}", "GET /api/session",
        "GET /api/admin/connections", "POST /api/admin/connections", "PATCH /api/admin/connections/{id}",
        "GET /api/admin/connections/{id}/invitation", "POST /api/admin/connections/{id}/invitation/revoke", "POST /api/admin/connections/{id}/deactivate",
        "POST /api/admin/connections/{id}/activate", "DELETE /api/admin/connections/{id}",
        "GET /api/admin/projects", "GET /api/admin/connection-types",
        "GET /api/issues/{issueId}/sync", "POST /api/issues/{issueId}/exalate", "DELETE /api/issues/{issueId}/exalate/{connectionId}",
        "POST /transport/v1/invitations/status", "POST /transport/v1/accept",
        "POST /transport/v1/connections/{id}/exchange",
        "POST /forge/events", "POST /forge/lifecycle", "POST /forge/scheduled", "POST /forge/uninstalling",
        "GET /transport/v1/connections/{id}/attachments/{reference}", "PUT /transport/v1/connections/{id}/attachments/{reference}",
        .. SyncRoutes("/api/admin"),
    ];

    private static readonly string[] PrivateOnly =
    [
        "GET /console", "POST /console/login", "POST /console/logout",
        "GET /api/console/connections", "GET /api/console/projects",
        "POST /api/console/invitations/check", "POST /api/console/connections/accept",
        "POST /api/console/password", "POST /api/console/sessions/revoke",
        .. SyncRoutes("/api/console"),
    ];

    private static IEnumerable<string> SyncRoutes(string prefix) =>
    [
        $"GET {prefix}/connections/{{id}}/sync", $"POST {prefix}/connections/{{id}}/issues", $"DELETE {prefix}/connections/{{id}}/issues/{{issue}}",
        $"POST {prefix}/connections/{{id}}/triggers", $"PATCH {prefix}/connections/{{id}}/triggers/{{trigger}}",
        $"DELETE {prefix}/connections/{{id}}/triggers/{{trigger}}", $"POST {prefix}/connections/{{id}}/triggers/{{trigger}}/bulk",
        $"POST {prefix}/connections/{{id}}/errors/{{direction}}/{{issue}}/retry",
    ];

    [Test]
    public void PublicNode_MapsJirasRoutesAndTheTransport_AndNoConsole()
    {
        using var host = new AddonHost();
        Assert.That(RoutesOf(host), Is.EquivalentTo(Shared.Concat(PublicOnly)));
    }

    [Test]
    public async Task PrivateNode_MapsItsConsole_AndNoRouteJiraOrAnotherNodeCalls()
    {
        await using var node = await PrivateNode.StartAsync();
        Assert.That(RoutesOf(node.Host), Is.EquivalentTo(Shared.Concat(PrivateOnly)));
    }

    [TestCase("/lifecycle/installed")]
    [TestCase("/webhooks/issue-updated")]
    [TestCase("/pages/connections")]
    [TestCase("/api/session")]
    [TestCase("/atlassian-connect.json")]
    [TestCase("/transport/v1/accept")]
    public async Task PrivateNode_AnswersJirasRoutes404(string path)
    {
        await using var node = await PrivateNode.StartAsync();
        using var client = node.Host.CreateClient();
        using var get = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(((int)get.StatusCode, (int)post.StatusCode), Is.EqualTo((404, 404)));
    }

    private static List<string> RoutesOf(WebApplicationFactory<Program> app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToList();
}
