using System.Text.Json.Nodes;
using JiraSim.Adf;
using JiraSim.Model;
using JiraSim.Rest;

namespace JiraSim.Connect;

/// <summary>
/// <c>{RootUrl}_admin/</c>: a small HTTP API over the simulator for manual use and the demo (tests use the in-process
/// methods of <see cref="JiraSimulator"/> and <see cref="SimSite"/>). No authentication: loopback callers only
/// (<see cref="LoopbackOnly"/>). Routes are listed in Connect/README.md.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var admin = app.MapGroup("/_admin").AddEndpointFilter<LoopbackOnly>();
        admin.MapGet("/sites", (SimulatorState state) => Results.Json(state.Sites.OrderBy(s => s.Key).Select(s => AdminJson.Site(state, s)).ToList()));
        admin.MapPost("/sites/{site}/users", CreateUser);
        admin.MapPost("/sites/{site}/issues/{issueIdOrKey}/summary", ChangeSummary);
        admin.MapPost("/sites/{site}/issues/{issueIdOrKey}/comments", AddComment);
        AdminControlEndpoints.Map(admin);
    }

    private static async Task<IResult> CreateUser(string site, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (AdminJson.Text(body, "displayName") is not { } displayName)
            return AdminJson.Error(400, "displayName is required.");
        var user = new SimUser
        {
            AccountId = AdminJson.Text(body, "accountId") ?? "557058:" + Guid.NewGuid(),
            DisplayName = displayName,
            Email = AdminJson.Text(body, "email"),
            IsAdmin = body!["admin"] is JsonValue a && a.TryGetValue<bool>(out var isAdmin) && isAdmin,
            ApiTokens = AdminJson.Text(body, "apiToken") is { } token ? [token] : [],
        };
        try { simSite.AddUser(user); }
        catch (InvalidOperationException e) { return AdminJson.Error(409, e.Message); }
        lock (simSite.Sync)
            return Results.Json(SiteJson.User(simSite, user), statusCode: 201);
    }

    /// <summary>{"accountId": who, "summary": new summary}: an edit as that user, with its webhooks.</summary>
    private static async Task<IResult> ChangeSummary(string site, string issueIdOrKey, SimulatorState state, HttpRequest request)
    {
        var (found, failure) = await FindAsync(site, issueIdOrKey, state, request);
        if (failure is not null)
            return failure;
        var (simSite, issue, actor, body) = found!.Value;
        if (AdminJson.Text(body, "summary") is not { } summary)
            return AdminJson.Error(400, "summary is required.");
        var changed = simSite.EditIssue(actor, issue, summary: summary);
        return Results.Json(new { key = issue.Key, changed });
    }

    /// <summary>{"accountId": who, "text": plain text}: a comment as that user, with its webhooks.</summary>
    private static async Task<IResult> AddComment(string site, string issueIdOrKey, SimulatorState state, HttpRequest request)
    {
        var (found, failure) = await FindAsync(site, issueIdOrKey, state, request);
        if (failure is not null)
            return failure;
        var (simSite, issue, actor, body) = found!.Value;
        if (AdminJson.Text(body, "text") is not { } text)
            return AdminJson.Error(400, "text is required.");
        // A Data Center's comment bodies are wiki markup, for which plain text is already right.
        var comment = simSite.AddComment(actor, issue, simSite.IsDataCenter ? JsonValue.Create(text) : AdfValidator.Paragraph(text));
        return comment is null ? AdminJson.Error(413, "The issue holds the most comments Jira allows.") : Results.Json(new { id = comment.Id }, statusCode: 201);
    }

    private static async Task<((SimSite Site, SimIssue Issue, SimUser Actor, JsonObject Body)?, IResult?)> FindAsync(
        string site, string issueIdOrKey, SimulatorState state, HttpRequest request)
    {
        if (state.FindSite(site) is not { } simSite)
            return (null, AdminJson.NoSite(site));
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return (null, error);
        lock (simSite.Sync)
        {
            if (simSite.FindIssue(issueIdOrKey) is not { } issue)
                return (null, JiraErrors.IssueNotFound());
            if (AdminJson.Text(body, "accountId") is not { } accountId || simSite.FindUser(accountId) is not { } actor)
                return (null, AdminJson.Error(400, "accountId must name a user of the site."));
            return ((simSite, issue, actor, body!), null);
        }
    }
}
