using ConnectAddon.Hosting;
using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;
using ConnectAddon.PrivateConsole.Settings;
using Microsoft.Extensions.Options;

namespace ConnectAddon.PrivateConsole;

/// <summary>
/// The private node's own Jira, reached with the configured credentials through the typed client, in the flavour its
/// server info says (<see cref="LocalJiraServer"/>). Its failures become a 502 <c>jira_unavailable</c> whose message
/// carries Jira's reason (never the credentials).
/// </summary>
public sealed class LocalJira(JiraClientFactory factory, LocalJiraServer server, IOptions<PrivateNodeOptions> options)
{
    public const int MaxProjects = 50;

    /// <summary>The Jira site's base URL, as configured.</summary>
    public Uri BaseUrl => new(options.Value.Jira.BaseUrl!);

    /// <summary>A client for this node's Jira, once it is known to be one this node supports; else why not.</summary>
    public async Task<JiraResult<JiraClient>> ClientAsync(CancellationToken cancel)
    {
        var product = await server.IdentifyAsync(cancel);
        return product.IsSuccess
            ? factory.For(BaseUrl, options.Value.Jira.ToCredentials(), product.Value.Flavour)
            : product.Error;
    }

    /// <summary>What this node's Jira is, for the public node's admins (Jira Cloud, Jira Data Center 9.12.15); null until known.</summary>
    public async Task<JiraProduct?> ProductAsync(CancellationToken cancel)
    {
        var product = await server.IdentifyAsync(cancel);
        return product.IsSuccess ? product.Value : null;
    }

    /// <summary>The first <see cref="MaxProjects"/> projects whose key or name matches <paramref name="query"/>.</summary>
    public async Task<Result<JiraProjectPage>> SearchProjectsAsync(string? query, CancellationToken cancel)
    {
        var client = await ClientAsync(cancel);
        if (!client.IsSuccess)
            return Unavailable(client.Error);
        var page = await client.Value.SearchProjectsAsync(query, maxResults: MaxProjects, cancellationToken: cancel);
        return page.IsSuccess ? page.Value : Unavailable(page.Error);
    }

    /// <summary>The project, or 400 <c>project_not_found</c> when this node's Jira has none by that key (or may not see it).</summary>
    public async Task<Result<JiraProject>> FindProjectAsync(string key, CancellationToken cancel)
    {
        var client = await ClientAsync(cancel);
        if (!client.IsSuccess)
            return Unavailable(client.Error);
        var project = await client.Value.GetProjectAsync(key, cancel);
        if (project.IsSuccess)
            return project.Value;
        return project.Error.Kind == JiraErrorKind.NotFound
            ? new ApiError(StatusCodes.Status400BadRequest, "project_not_found", $"This node's Jira has no project '{key}' that its user can see.")
            : Unavailable(project.Error);
    }

    private static ApiError Unavailable(JiraError error) => new(StatusCodes.Status502BadGateway, "jira_unavailable", "This node's Jira failed: " + Reason(error));

    private static string Reason(JiraError error) => error.Kind switch
    {
        JiraErrorKind.Unauthorized => "it refused the configured credentials (PrivateNode:Jira). " + error.Message,
        JiraErrorKind.Forbidden => "the configured user may not do this. " + error.Message,
        _ => error.Message,
    };
}
