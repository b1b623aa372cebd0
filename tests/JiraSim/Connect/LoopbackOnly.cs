using System.Net;

namespace JiraSim.Connect;

/// <summary>
/// The admin API has no authentication, so it answers only callers on this machine (403 otherwise). The simulator
/// listens on 127.0.0.1 by default; started with <c>--urls http://0.0.0.0:…</c> the rest of it is reachable from
/// elsewhere, the admin API still is not.
/// </summary>
public sealed class LoopbackOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true })
            remote = remote.MapToIPv4();
        return remote is null || IPAddress.IsLoopback(remote)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.Json(new { error = "The admin API answers loopback callers only." }, statusCode: 403));
    }
}
