using Microsoft.AspNetCore.Http.Features;

namespace ConnectAddon.Hosting;

/// <summary>
/// Refuses every request whose path holds a "." or ".." segment, plain or percent-encoded (<c>%2E%2E</c>), before
/// routing. Kestrel decodes the path and then removes dot segments (RFC 3986 §5.2.4), so
/// <c>DELETE …/connections/{id}/issues/%2E%2E</c> would otherwise reach <c>DELETE …/connections/{id}</c>: a route
/// other than the one the client named. No route of this app has such a segment and no honest client sends one, so
/// the request is answered 400 and nothing runs. The check reads the request target exactly as it arrived.
/// </summary>
public static class DotSegmentGuard
{
    public static IApplicationBuilder UseDotSegmentGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (Refusal(string.IsNullOrEmpty(raw) ? context.Request.PathBase + context.Request.Path : raw) is { } reason)
        {
            await ApiErrorResult.WriteAsync(context.Response, new ApiError(StatusCodes.Status400BadRequest, "bad_path",
                $"The request path {reason}; no route has one. Send the path without it."));
            return;
        }
        await next(context);
    });

    /// <summary>Whether the path of <paramref name="target"/> (origin or absolute form, query ignored) has a dot segment.</summary>
    public static bool HasDotSegment(string target) => Refusal(target) is not null;

    /// <summary>
    /// What in the request target could make the server route it elsewhere than it reads, or null: a fragment (never
    /// part of a request target; Kestrel would still normalise the path after it), a backslash or a control character
    /// (plain or percent-encoded: an absolute-form target is parsed by System.Uri, which reads a backslash as a slash
    /// and drops tabs), or a "." or ".." segment in any spelling.
    /// </summary>
    public static string? Refusal(string target)
    {
        if (target.Contains('#'))
            return "holds a '#' (a fragment is never part of a request)";
        var path = target.AsSpan();
        var query = path.IndexOf('?');
        if (query >= 0)
            path = path[..query];
        // Absolute form (GET http://host/path): the path starts after the authority.
        var scheme = path.IndexOf("://");
        if (scheme >= 0)
        {
            var afterAuthority = path[(scheme + 3)..].IndexOf('/');
            path = afterAuthority < 0 ? [] : path[(scheme + 3 + afterAuthority)..];
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path.ToString());
        }
        catch (UriFormatException)
        {
            return "is not a valid path";
        }
        foreach (var c in decoded)
            if (c == '\\' || char.IsControl(c))
                return c == '\\' ? "holds a backslash (perhaps percent-encoded)" : "holds a control character (perhaps percent-encoded)";
        foreach (var segment in decoded.Split('/'))
            if (segment.Trim() is "." or "..")
                return "holds a '.' or '..' segment (perhaps percent-encoded)";
        return null;
    }
}
