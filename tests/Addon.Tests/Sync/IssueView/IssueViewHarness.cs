using System.Net;
using System.Text.Json.Nodes;
using ConnectAddon.Tests.Connections;
using JiraSim.Model;

namespace ConnectAddon.Tests.Sync.IssueView;

/// <summary>
/// The issue view's API as the glance's script calls it: a public node (<see cref="PublicNodeHarness"/>) whose
/// tenants' Jira is the simulator, so the permission checks really ask it. Site A's people: the admin, the plain
/// user (may edit every issue) and Vera Viewer (may see, not edit).
/// </summary>
public sealed class IssueViewHarness(PublicNodeHarness node) : IAsyncDisposable
{
    public const string Viewer = "557058:a-viewer";

    public PublicNodeHarness Node { get; } = node;
    public InstalledTenant A => Node.TenantA;
    public string User => A.UserAccountId;

    public static async Task<IssueViewHarness> StartAsync() => new(await PublicNodeHarness.StartAsync());

    /// <summary>An active connection of <paramref name="tenant"/> (site A's by default): initiated, and accepted as a private node does.</summary>
    public async Task<string> ActiveConnectionAsync(InstalledTenant? tenant = null, string? name = null)
    {
        var (id, code, _) = await Node.InitiateAsync(tenant, name);
        await Node.AcceptAsync(code);
        return id;
    }

    /// <summary>A new issue in the tenant's project, made by its plain user.</summary>
    public SimIssue NewIssue(string summary, InstalledTenant? tenant = null)
    {
        tenant ??= A;
        var sim = tenant.Sim;
        SimUser person;
        SimProject project;
        lock (sim.Sync)
        {
            person = sim.FindUser(tenant.UserAccountId)!;
            project = sim.FindProject(tenant.ProjectKey)!;
        }
        var description = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Seen in the issue view"}]}]}""");
        return sim.CreateIssue(person, project, project.IssueTypes[0], summary, description);
    }

    /// <summary>Calls the issue view's API with a context token of <paramref name="subject"/> on site A (the plain user by default).</summary>
    public Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, object? body = null, string? subject = null, InstalledTenant? tenant = null) =>
        Node.SendAsync(method, path, body, Node.ContextToken(tenant ?? A, subject ?? User));

    public async Task<JsonNode> StatusAsync(string issueId, string? subject = null)
    {
        using var response = await CallAsync(HttpMethod.Get, $"/api/issues/{issueId}/sync", subject: subject);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>This issue's entry for the connection in the status answer.</summary>
    public async Task<JsonNode> InConnectionAsync(string issueId, string connectionId, string? subject = null) =>
        (await StatusAsync(issueId, subject))["connections"]!.AsArray().Single(c => (string?)c!["id"] == connectionId)!;

    public Task<long> TwinsAsync() => Node.ScalarAsync<long>("SELECT COUNT(*) FROM twins");

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
