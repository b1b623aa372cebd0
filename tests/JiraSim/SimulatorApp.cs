using JiraSim.Connect;
using JiraSim.Rest;

namespace JiraSim;

/// <summary>
/// The simulator's web application: every site's REST API under <c>/{site}/rest/api/3/</c> (so a site's base URL
/// has a path, like a Jira behind a context path), behind <see cref="SiteRequestMiddleware"/>.
/// </summary>
public static class SimulatorApp
{
    public static WebApplication Create(string[] args, SimulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddSingleton(state);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<SiteRequestMiddleware>();

        var api = app.MapGroup("/{site}/rest/api/3").WithMetadata(SiteRestEndpoint.Instance);
        IssueEndpoints.Map(api);
        CommentEndpoints.Map(api);
        AccountEndpoints.Map(api);
        ProjectEndpoints.Map(api);
        PropertyEndpoints.Map(api);
        SearchEndpoints.Map(api);
        AttachmentEndpoints.Map(api);
        AttachmentEndpoints.MapMedia(app);
        ConnectEndpoints.Map(app);
        return app;
    }
}
