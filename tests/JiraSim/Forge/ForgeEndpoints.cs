using System.Text.Json;
using System.Text.Json.Nodes;
using JiraSim.Connect;
using JiraSim.Model;
using JiraSim.Rest;
using Microsoft.AspNetCore.StaticFiles;

namespace JiraSim.Forge;

/// <summary>
/// The Forge platform over HTTP: its published signing keys (<c>/_forge/jwks.json</c>, an app's <c>Forge:JwksUrl</c>),
/// the Jira page that opens an installed app's UI module (<c>/{site}/jira/forge/{moduleKey}?as=…[&amp;issue=KEY]</c>),
/// the module's Custom UI files and the bridge its frame calls (<c>/_forge/ui/{ctx}/…</c>, <c>/_forge/bridge.js</c>,
/// <c>/_forge/context</c>, <c>/_forge/invoke</c>), and the admin API's Forge routes. Loopback callers only, as the Jira page.
/// </summary>
public static class ForgeEndpoints
{
    // Forge's own policy for Custom UI: nothing inline, everything from the resource, calls through the bridge only.
    private const string CustomUiPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                                          "object-src 'none'; base-uri 'none'";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(WebApplication app)
    {
        app.MapGet("/_forge/jwks.json", (SimulatorState state) => Results.Text(state.Forge.Jwks, "application/json"));
        var local = app.MapGroup("").AddEndpointFilter<LoopbackOnly>();
        local.MapGet("/{site}/jira/forge/{moduleKey}", Page);
        local.MapGet("/_forge/bridge.js", () => Results.Text(ForgeUi.BridgeScript, "text/javascript; charset=utf-8"));
        local.MapGet("/_forge/context", (string? ctx, SimulatorState state) =>
            state.Forge.Ui.Find(ctx) is { } ui ? Results.Json(ForgeUi.Context(ui)) : Results.NotFound(new { error = "No such module context." }));
        local.MapPost("/_forge/invoke", Invoke);
        local.MapGet("/_forge/ui/{ctx}/{**path}", Resource);

        var admin = app.MapGroup("/_admin/sites/{site}/forge-apps").AddEndpointFilter<LoopbackOnly>();
        admin.MapPost("", Install);
        admin.MapPost("/scheduled", async (string site, SimulatorState state, CancellationToken cancel) =>
        {
            var runs = new List<object>();
            foreach (var install in state.FindSite(site) is { } s ? state.Forge.InstallsOn(s).ToList() : [])
                runs.Add(new { installationId = install.InstallationId, status = (await state.Forge.RunScheduledAsync(install, cancel))?.Status });
            return Results.Json(new { runs });
        });
        admin.MapDelete("", async (string site, SimulatorState state, CancellationToken cancel) =>
        {
            foreach (var install in state.FindSite(site) is { } s ? state.Forge.InstallsOn(s).ToList() : [])
                await state.Forge.UninstallAsync(install, cancel);
            return Results.NoContent();
        });
    }

    /// <summary><c>{"manifest": path, "variables": {NAME: value}}</c>: deploys and installs the app on the site.</summary>
    private static async Task<IResult> Install(string site, SimulatorState state, HttpRequest request, CancellationToken cancel)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var (body, error) = await RequestJson.ReadObjectAsync(request);
        if (error is not null)
            return error;
        if (AdminJson.Text(body, "manifest") is not { } path)
            return AdminJson.Error(400, "manifest (the path of manifest.yml) is required.");
        var variables = (body!["variables"] as JsonObject ?? []).ToDictionary(v => v.Key, v => v.Value?.ToString() ?? "");
        ForgeManifest manifest;
        try { manifest = ForgeManifest.Load(path, variables); }
        catch (Exception e) when (e is IOException or ArgumentException or YamlDotNet.Core.YamlException or KeyNotFoundException or InvalidCastException)
        {
            return AdminJson.Error(400, "The manifest could not be read: " + e.Message);
        }
        var install = await state.Forge.InstallAsync(simSite, manifest, cancel);
        return Results.Json(new { appId = manifest.AppId, installationId = install.InstallationId, cloudId = install.CloudId, apiBaseUrl = install.ApiBaseUrl.ToString() });
    }

    private static IResult Page(string site, string moduleKey, string? @as, string? issue, SimulatorState state)
    {
        if (state.FindSite(site) is not { } simSite)
            return AdminJson.NoSite(site);
        var install = state.Forge.InstallsOn(simSite).FirstOrDefault(i => i.Manifest.UiModules.ContainsKey(moduleKey));
        if (install is null)
            return Results.NotFound(new { error = $"No Forge app on site '{site}' has a UI module '{moduleKey}'." });
        var module = install.Manifest.UiModules[moduleKey];
        SimUser? user;
        List<SimUser> people;
        lock (simSite.Sync)
        {
            people = simSite.Users.Where(u => u.AccountType != "app").ToList();
            user = @as is null ? people.FirstOrDefault(u => u.IsAdmin) : people.FirstOrDefault(u => u.AccountId == @as);
        }
        if (user is null)
            return Results.NotFound(new { error = "No such user." });

        var appTitle = install.Manifest.UiModules.Values.FirstOrDefault(m => m.Type == "jira:adminPage")?.Title ?? install.Manifest.AppId;
        if (module.Type != "jira:issuePanel")
        {
            var context = state.Forge.Ui.Open(install, module, user, new JsonObject { ["type"] = module.Type });
            return Results.Content(JiraPage.ForgeHtml(simSite, appTitle, module.Title == appTitle ? "Connections" : module.Title, FrameUrl(context), user, people), "text/html; charset=utf-8");
        }
        if (string.IsNullOrWhiteSpace(issue))
            return Results.BadRequest(new { error = $"'{moduleKey}' is an issue panel: say which issue it is shown on with ?issue=KEY." });
        lock (simSite.Sync)
        {
            if (simSite.FindIssue(issue) is not { } shown)
                return Results.NotFound(new { error = $"No issue '{issue}' on site '{site}'." });
            var project = simSite.FindProject(shown.ProjectId);
            // The extension data of a jira:issuePanel ("Jira issue panel" module reference).
            var extension = new JsonObject
            {
                ["type"] = module.Type,
                ["issue"] = new JsonObject { ["id"] = shown.Id, ["key"] = shown.Key, ["typeId"] = shown.IssueTypeId },
                ["project"] = new JsonObject { ["id"] = shown.ProjectId, ["key"] = project?.Key, ["type"] = "software" },
            };
            var context = state.Forge.Ui.Open(install, module, user, extension);
            return Results.Content(JiraPage.ForgeIssueHtml(simSite, module.Title, shown, project?.Name ?? shown.ProjectId, FrameUrl(context), user, people), "text/html; charset=utf-8");
        }
    }

    private static Uri FrameUrl(ForgeUiContext context) => new("/_forge/ui/" + context.Id + "/", UriKind.Relative);

    private static async Task<IResult> Invoke(string? ctx, SimulatorState state, HttpRequest request, CancellationToken cancel)
    {
        if (state.Forge.Ui.Find(ctx) is not { } ui)
            return Results.NotFound(new { error = "No such module context." });
        using var input = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancel);
        return Results.Json(await state.Forge.Ui.InvokeAsync(ui, input.RootElement, cancel));
    }

    // The resource's files, with the bridge script put first in index.html (as Forge's host injects its own).
    private static async Task<IResult> Resource(string ctx, string? path, SimulatorState state, HttpContext http)
    {
        if (state.Forge.Ui.Find(ctx) is not { } ui || !ui.Install.Manifest.Resources.TryGetValue(ui.Module.Resource, out var folder))
            return Results.NotFound();
        var relative = string.IsNullOrEmpty(path) ? "index.html" : path;
        var file = Path.GetFullPath(Path.Combine(folder, relative));
        if (!file.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            return Results.NotFound();
        http.Response.Headers.ContentSecurityPolicy = CustomUiPolicy;
        http.Response.Headers.CacheControl = "no-store";
        if (relative != "index.html")
            return Results.File(file, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
        var html = await File.ReadAllTextAsync(file, http.RequestAborted);
        var bridge = $"<script src=\"/_forge/bridge.js?ctx={Uri.EscapeDataString(ctx)}\"></script>";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return Results.Content(head < 0 ? bridge + html : html.Insert(head + "<head>".Length, bridge), "text/html; charset=utf-8");
    }
}
