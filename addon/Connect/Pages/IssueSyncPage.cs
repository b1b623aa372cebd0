using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The issue glance's panel (<c>/pages/issue-sync</c>, descriptor module <c>sync-status</c>):
/// <c>wwwroot/issue-sync/index.html</c> filled in with the issue Jira names in the URL, and its own scripts and styles
/// from <c>wwwroot/issue-sync/</c>. It shares the Connections page's look and helpers (<c>wwwroot/connections/</c>).
/// Everything it shows comes from the issue view's API (<c>/api/issues/{issueId}</c>), which checks the user's
/// permissions on every call: the page itself reveals nothing.
/// </summary>
public sealed partial class IssueSyncPage(IFileProvider webRoot, AddonSettings settings)
{
    public const string Folder = "issue-sync";
    public const string TemplatePath = Folder + "/index.html";
    public const string AssetRoutePrefix = "/" + Folder + "/";

    // As the Connections page: <, >, &, ' and " become \uXXXX escapes, so the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private string? template;

    /// <param name="issueId">Jira's <c>{issue.id}</c>; the page says plainly when it is missing or not an id.</param>
    public IResult Render(HttpContext http, string? issueId, string? issueKey, string? projectKey)
    {
        if (Template() is not { } page)
            return ApiError.Unavailable($"The page's files (wwwroot/{TemplatePath}) are missing: start the node from its own folder, or give --contentRoot.").ToResult();
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
        var html = Placeholder().Replace(page, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        // Scripts only from this node and Atlassian's all.js; calls only to this node. Jira frames the page, so no frame-ancestors.
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self' {settings.AllJsUrl.GetLeftPart(UriPartial.Authority)}; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'";
        headers["Referrer-Policy"] = "same-origin";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The panel's scripts and styles, without authentication (they hold no data), revalidated on every load like the Connections page's.</summary>
    public IResult Asset(string file, HttpContext http)
    {
        if (!AssetName().IsMatch(file) || !ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
            return ApiError.NotFound("No such file.").ToResult();
        var info = webRoot.GetFileInfo(Folder + "/" + file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
            return ApiError.NotFound("No such file.").ToResult();
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{info.LastModified.UtcTicks:x}-{info.Length:x}\"");
        return TypedResults.PhysicalFile(info.PhysicalPath, contentType, lastModified: info.LastModified, entityTag: etag);
    }

    private string? Template()
    {
        if (template is not null)
            return template;
        var file = webRoot.GetFileInfo(TemplatePath);
        if (!file.Exists)
            return null;
        using var reader = new StreamReader(file.CreateReadStream());
        return template = reader.ReadToEnd();
    }

    // Issue and project keys are short; anything longer is not one of Jira's and is not worth showing whole.
    private static string? Clip(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= 64 ? text : text[..64];

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.[a-z]+$")]
    private static partial Regex AssetName();
}
