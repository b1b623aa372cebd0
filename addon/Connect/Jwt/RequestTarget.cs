using Microsoft.AspNetCore.Http.Features;

namespace ConnectAddon.Connect.Jwt;

/// <summary>
/// The path and query of a request exactly as the client sent them. ASP.NET's <c>Request.Path</c> is already
/// percent-decoded, which would hash something other than what Jira signed, so the raw request target is used.
/// </summary>
public static class RequestTarget
{
    public static (string Path, string Query) Raw(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw == "*")
            return (context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent(), context.Request.QueryString.ToUriComponent());
        if (!raw.StartsWith('/') && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
            raw = absolute.PathAndQuery; // absolute-form, as some proxies send it
        var question = raw.IndexOf('?');
        return question < 0 ? (raw, "") : (raw[..question], raw[question..]);
    }

    public static string QueryStringHashOf(HttpContext context, string basePath)
    {
        var (path, query) = Raw(context);
        return QueryStringHash.Compute(context.Request.Method, path, query, basePath);
    }
}
