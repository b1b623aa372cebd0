using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The Connections page: <c>wwwroot/connections/index.html</c>, read on first use, with its <c>{{placeholders}}</c>
/// filled for one home. Everything the page shows it fetches from its API; the HTML only says where that API is.
/// A node started without its web root (another content root) still starts; the page then says what is missing.
/// </summary>
public sealed partial class ConnectionsPage(IFileProvider webRoot)
{
    public const string TemplatePath = "connections/index.html";

    // The default encoder writes <, >, &, ' and " as \uXXXX escapes: the JSON cannot close the <script> element
    // it sits in, and JSON.parse reads it unchanged. (HTML entities would not do here: a browser does not decode
    // them inside <script>.)
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private string? template;

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

    public IResult Render(HttpContext http, ConnectionsPageConfig config, bool framable = true)
    {
        if (Template() is not { } page)
            return ApiError.Unavailable($"The page's files (wwwroot/{TemplatePath}) are missing: start the node from its own folder, or give --contentRoot.").ToResult();
        var values = new Dictionary<string, string>
        {
            ["title"] = Html(config.Title),
            ["mode"] = Html(config.Mode),
            ["assetBase"] = Html(config.AssetBase),
            ["allJs"] = config.AllJsUrl is { } allJs ? $"<script src=\"{Html(allJs.ToString())}\"></script>" : "",
            ["config"] = JsonSerializer.Serialize(config.ForScript(), ConfigJson),
        };
        // One pass, so a value that happens to contain "{{…}}" is never filled in again.
        var html = Placeholder().Replace(page, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        if (!framable) // Jira frames its pages; nothing should frame the console (clickjacking).
        {
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        }
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
