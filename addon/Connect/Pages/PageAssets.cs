using System.Text.RegularExpressions;
using ConnectAddon.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The pages' scripts, styles and images from their folder of the web root (<c>wwwroot/connections/</c> for the
/// Connections page, <c>wwwroot/issue-sync/</c> for the issue panel), without authentication (they hold no data). Browsers revalidate them on every load (<c>no-cache</c> with an ETag), so a new version's
/// modules are never mixed with an old cached one.
/// </summary>
public static partial class PageAssets
{
    public const string RoutePrefix = "/connections/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(IFileProvider webRoot, string file, HttpContext http) => Serve(webRoot, "connections", file, http);

    public static IResult Serve(IFileProvider webRoot, string folder, string file, HttpContext http)
    {
        if (!AssetName().IsMatch(file) || !ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType))
            return ApiError.NotFound("No such file.").ToResult();
        var info = webRoot.GetFileInfo(folder + "/" + file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null)
            return ApiError.NotFound("No such file.").ToResult();

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{info.LastModified.UtcTicks:x}-{info.Length:x}\"");
        return TypedResults.PhysicalFile(info.PhysicalPath, contentType, lastModified: info.LastModified, entityTag: etag);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*\\.[a-z]+$")]
    private static partial Regex AssetName();
}
