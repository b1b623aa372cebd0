using System.Net;
using System.Text.Json;
using ConnectAddon.Hosting;
using Microsoft.Extensions.FileProviders;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The Connections page: <c>wwwroot/connections/index.html</c>, read on first use, with its <c>{{placeholders}}</c>
/// filled for one home. Everything the page shows it fetches from its API; the HTML only says where that API is.
/// A node started without its web root (another content root) still starts; the page then says what is missing.
/// </summary>
public sealed class ConnectionsPage(IFileProvider webRoot)
{
    public const string TemplatePath = "connections/index.html";

    // The default encoder writes <, >, &, ' and " as \uXXXX escapes: the JSON cannot close the <script> element
    // it sits in, and JSON.parse reads it unchanged. (HTML entities would not do here: a browser does not decode
    // them inside <script>.)
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly PageTemplate template = new(webRoot, TemplatePath);

    public IResult Render(HttpContext http, ConnectionsPageConfig config, PageFraming framing)
    {
        var values = new Dictionary<string, string>
        {
            ["title"] = Html(config.Title),
            ["mode"] = Html(config.Mode),
            ["assetBase"] = Html(config.AssetBase),
            ["allJs"] = config.AllJsUrl is { } allJs ? $"<script src=\"{Html(allJs.ToString())}\"></script>" : "",
            ["config"] = JsonSerializer.Serialize(config.ForScript(), ConfigJson),
        };
        if (template.Fill(values) is not { } html)
            return PageFilesMissing(TemplatePath);

        PageHeaders.Apply(http.Response, framing, config.AllJsUrl);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>A node started without its web root (another content root) still starts; the page then says what is missing.</summary>
    internal static IResult PageFilesMissing(string templatePath) =>
        ApiError.Unavailable($"The page's files (wwwroot/{templatePath}) are missing: start the node from its own folder, or give --contentRoot.").ToResult();

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
