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
        if (HasDotSegment(string.IsNullOrEmpty(raw) ? context.Request.PathBase + context.Request.Path : raw))
        {
            await ApiErrorResult.WriteAsync(context.Response, new ApiError(StatusCodes.Status400BadRequest, "bad_path",
                "The request path holds a '.' or '..' segment (perhaps percent-encoded); no route has one. Send the path without it."));
            return;
        }
        await next(context);
    });

    /// <summary>Whether the path of <paramref name="target"/> (origin or absolute form, query ignored) has a dot segment.</summary>
    public static bool HasDotSegment(string target)
    {
        var path = target.AsSpan();
        var query = path.IndexOfAny('?', '#');
        if (query >= 0)
            path = path[..query];
        // Absolute form (GET http://host/path): the path starts after the authority.
        var scheme = path.IndexOf("://");
        if (scheme >= 0)
        {
            var afterAuthority = path[(scheme + 3)..].IndexOf('/');
            path = afterAuthority < 0 ? [] : path[(scheme + 3 + afterAuthority)..];
        }
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.Length is 0 or > 6) // the longest spelling of a dot segment is "%2E%2E"
                continue;
            var decoded = Uri.UnescapeDataString(segment.ToString());
            if (decoded is "." or "..")
                return true;
        }
        return false;
    }
}
