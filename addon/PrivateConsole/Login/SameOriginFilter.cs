using ConnectAddon.Hosting;

namespace ConnectAddon.PrivateConsole.Login;

/// <summary>
/// Refuses a state-changing console request that a browser sent for another origin (cross-site request forgery). The
/// session cookie is SameSite=Strict, which stops other sites only: a page on another port of the same host is the same
/// site, and its POST carried the cookie. So every POST, PUT, PATCH and DELETE must come from the console's own origin,
/// as the browser states it: <c>Sec-Fetch-Site: same-origin</c> where the browser sends Fetch Metadata, and an
/// <c>Origin</c> equal to this request's scheme, host and port where it sends that ("Cross-Site Request Forgery
/// Prevention Cheat Sheet", OWASP). A request with neither header is not from a browser (curl, a script): it
/// carries the cookie only if its author gave it one, so it passes. Bodies must be JSON as well (RequestBody), which a
/// cross-origin page cannot send without a preflight this node never grants.
/// </summary>
public sealed class SameOriginFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return next(context);
        return Refusal(request) is { } refusal ? ValueTask.FromResult<object?>(refusal.ToResult()) : next(context);
    }

    public static ApiError? Refusal(HttpRequest request)
    {
        var names = request.HttpContext.RequestServices.GetRequiredService<ConsoleHostNames>();
        if (!names.IsOwn(request.Host.Host))
            return new ApiError(StatusCodes.Status421MisdirectedRequest, "unknown_console_host",
                $"This console was reached as '{Shorten(request.Host.Host)}', which is not one of its names (its IP addresses, localhost, " +
                $"the machine's name '{names.MachineName}', and Console:Hosts); nothing was changed. If it is this node's name, add it to Console:Hosts.");
        var own = request.Scheme + "://" + request.Host.Value;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
            return Forbidden($"The browser says this request comes from another {(site == "same-site" ? "origin of the same site" : "site")} (Sec-Fetch-Site: {site}).", own);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
            return Forbidden($"The browser says this request comes from {Shorten(origin)}.", own);
        return null;
    }

    private static ApiError Forbidden(string why, string own) => new(StatusCodes.Status403Forbidden, "cross_origin_request",
        $"{why} The console accepts changes only from its own page at {own}; nothing was changed. If the console is behind a " +
        "reverse proxy and this is its own page, set ReverseProxy:KnownProxies so the node knows the address people use.");

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
