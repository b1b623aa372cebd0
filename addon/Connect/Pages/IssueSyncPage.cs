using System.Net;
using System.Text.Json;
using ConnectAddon.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The issue glance's panel (<c>/pages/issue-sync</c>, descriptor module <c>sync-status</c>):
/// <c>wwwroot/issue-sync/index.html</c> filled in with the issue Jira names in the URL, and its own scripts and styles
/// from <c>wwwroot/issue-sync/</c>. It shares the Connections page's look and helpers (<c>wwwroot/connections/</c>).
/// Everything it shows comes from the issue view's API (<c>/api/issues/{issueId}</c>), which checks the user's
/// permissions on every call: the page itself reveals nothing.
/// </summary>
public sealed class IssueSyncPage(IFileProvider webRoot, AddonSettings settings)
{
    public const string Folder = "issue-sync";
    public const string TemplatePath = Folder + "/index.html";
    public const string AssetRoutePrefix = "/" + Folder + "/";

    // As the Connections page: <, >, &, ' and " become \uXXXX escapes, so the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    private readonly PageTemplate template = new(webRoot, TemplatePath);

    /// <param name="issueId">Jira's <c>{issue.id}</c>; the page says plainly when it is missing or not an id.</param>
    public IResult Render(HttpContext http, PageFraming framing, string? issueId, string? issueKey, string? projectKey)
    {
        var validId = issueId is { Length: > 0 and <= 18 } && issueId.All(char.IsAsciiDigit) ? issueId : null;
        var config = new
        {
            Mode = "jira",
            AppName = settings.Name,
            IssueId = validId,
            IssueKey = Clip(issueKey),
            ProjectKey = Clip(projectKey),
            ApiBase = validId is null ? null : $"{settings.BasePath}/api/issues/{validId}",
        };
        var values = new Dictionary<string, string>
        {
            ["title"] = Html($"{settings.Name} · Sync status"),
            ["assetBase"] = Html(settings.BasePath + AssetRoutePrefix),
            ["sharedAssetBase"] = Html(settings.BasePath + PageAssets.RoutePrefix),
            ["allJs"] = $"<script src=\"{Html(settings.AllJsUrl.ToString())}\"></script>",
            ["config"] = JsonSerializer.Serialize(config, ConfigJson),
        };
        if (template.Fill(values) is not { } html)
            return ConnectionsPage.PageFilesMissing(TemplatePath);

        PageHeaders.Apply(http.Response, framing, settings.AllJsUrl);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The panel's scripts and styles, served like the Connections page's.</summary>
    public IResult Asset(string file, HttpContext http) => PageAssets.Serve(webRoot, Folder, file, http);

    // Issue and project keys are short; anything longer is not one of Jira's and is not worth showing whole.
    private static string? Clip(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= 64 ? text : text[..64];

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
