using JiraSim.Connect;
using JiraSim.DataCenter;
using JiraSim.Forge;
using JiraSim.Rest;

namespace JiraSim;

/// <summary>
/// The simulator's web application: every site's REST API under <c>/{site}/rest/api/3/</c>, or a Data Center site's
/// under <c>/{site}/rest/api/2/</c> (so a site's base URL has a path, like a Jira behind a context path), behind
/// <see cref="SiteRequestMiddleware"/>.
/// </summary>
public static class SimulatorApp
{
    /// <summary>Where a Forge app's <c>app.apiBaseUrl</c> points (the simulator plays api.atlassian.com too).</summary>
    public const string ForgeApiPrefix = "/ex/jira/{cloudId}";

    public static WebApplication Create(string[] args, SimulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddSingleton(state);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<SiteRequestMiddleware>();

        // A site's REST API at its own URL, and as a Forge app reaches it: https://api.atlassian.com/ex/jira/{cloudId}/…
        foreach (var prefix in new[] { "/{site}/rest/api/3", ForgeApiPrefix + "/rest/api/3" })
        {
            var api = app.MapGroup(prefix).WithMetadata(SiteRestEndpoint.Instance);
            IssueEndpoints.Map(api);
            CommentEndpoints.Map(api);
            AccountEndpoints.Map(api);
            ProjectEndpoints.Map(api);
            PropertyEndpoints.Map(api);
            SearchEndpoints.Map(api);
            AttachmentEndpoints.Map(api);
        }
        DataCenterEndpoints.Map(app);
        AttachmentEndpoints.MapMedia(app);
        ConnectEndpoints.Map(app);
        ForgeEndpoints.Map(app);
        _ = state.Forge; // triggers flow for every site from the moment it exists
        return app;
    }
}
