using JiraSim.Model;

namespace JiraSim.Connect;

/// <summary>
/// The Jira-like page hosting an installed app's page module (<c>/{site}/jira/apps/{appKey}/{moduleKey}?as=accountId</c>)
/// or issue glance (the same with <c>&amp;issue=KEY</c>: an issue view with the glance's panel open),
/// the context-token source its <c>AP</c> bridge uses, and <c>/all.js</c>, the simulator's stand-in for Atlassian's
/// <c>all.js</c> (set an app's <c>Connect:AllJsUrl</c> to it). Loopback callers only, like the admin API: the
/// "signed-in user" is whoever the page is asked for.
/// </summary>
public static class JiraPageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/all.js", () => Results.Text(AllJs.Script, "text/javascript; charset=utf-8"));
        var pages = app.MapGroup("/{site}/jira").AddEndpointFilter<LoopbackOnly>();
        pages.MapGet("/apps/{appKey}/{moduleKey}", Page);
        pages.MapGet("/context-token", ContextToken);
    }

    // An issue glance needs the issue it is shown on: ?issue=KEY (or id) next to ?as=.
    private static IResult Page(string site, string appKey, string moduleKey, string? @as, string? issue, SimulatorState state)
    {
        if (Find(state, site, appKey, @as) is not var (simSite, app, user, people))
            return Results.NotFound(new { error = $"No app '{appKey}' installed on site '{site}', or no such user." });
        var clientKey = state.Connect.Identity(simSite).ClientKey;
        var now = simSite.Clock.GetUtcNow();
        var tokenUrl = $"/{Uri.EscapeDataString(site)}/jira/context-token?app={Uri.EscapeDataString(appKey)}&as={Uri.EscapeDataString(user.AccountId)}";
        if (JiraPage.FindModule(app.Descriptor, moduleKey) is var (name, url))
        {
            var frame = JiraPage.SignedModuleUrl(simSite, app, clientKey, url, user, now);
            return Results.Content(JiraPage.Html(simSite, app, name, frame, user, people, tokenUrl), "text/html; charset=utf-8");
        }
        if (JiraPage.FindGlance(app.Descriptor, moduleKey) is not var (glanceName, label, glanceUrl))
            return Results.NotFound(new { error = $"The app has no page module or issue glance '{moduleKey}'." });
        if (string.IsNullOrWhiteSpace(issue))
            return Results.BadRequest(new { error = $"'{moduleKey}' is an issue glance: say which issue it is shown on with ?issue=KEY." });
        // Under the site's lock: the issue's summary and description are read while the page is made.
        lock (simSite.Sync)
        {
            if (simSite.FindIssue(issue) is not { } shown)
                return Results.NotFound(new { error = $"No issue '{issue}' on site '{site}'." });
            var projectName = simSite.FindProject(shown.ProjectId)?.Name ?? shown.ProjectId;
            var frame = JiraPage.SignedModuleUrl(simSite, app, clientKey, JiraPage.WithContext(glanceUrl, JiraPage.IssueContext(simSite, shown)), user, now);
            return Results.Content(JiraPage.GlanceHtml(simSite, app, (glanceName, label), shown, projectName, frame, user, people, tokenUrl), "text/html; charset=utf-8");
        }
    }

    private static IResult ContextToken(string site, string app, string? @as, SimulatorState state)
    {
        if (Find(state, site, app, @as) is not var (simSite, simApp, user, _))
            return Results.NotFound(new { error = "No such app or user." });
        var clientKey = state.Connect.Identity(simSite).ClientKey;
        return Results.Json(new { token = JiraPage.ContextToken(simApp, clientKey, user, simSite.Clock.GetUtcNow()) });
    }

    /// <summary>The site, the installed app, the user (by account id; the first admin when none is given) and the people who could sign in.</summary>
    private static (SimSite, SimApp, SimUser, List<SimUser>)? Find(SimulatorState state, string siteKey, string appKey, string? accountId)
    {
        if (state.FindSite(siteKey) is not { } site)
            return null;
        lock (site.Sync)
        {
            if (!site.Apps.TryGetValue(appKey, out var app))
                return null;
            var people = site.Users.Where(u => u.AccountType != "app").ToList();
            var user = accountId is null ? people.FirstOrDefault(u => u.IsAdmin) : people.FirstOrDefault(u => u.AccountId == accountId);
            return user is null ? null : (site, app, user, people);
        }
    }
}
