using Microsoft.AspNetCore.HttpOverrides;

namespace ConnectAddon.Hosting;

/// <summary>What every request passes before its route: the reverse proxy's forwarded headers (only from known proxies), the dot-segment guard, JSON errors, then routing, static files and authentication.</summary>
public static class RequestPipeline
{
    public static WebApplication UseRequestPipeline(this WebApplication app, AddonSettings settings)
    {
        if (settings.KnownProxies.Count > 0)
        {
            // Behind a TLS-terminating proxy the request arrives as http from the proxy's address: believing its
            // X-Forwarded-* headers (from it alone) gives the client's address to the login throttle, https to the
            // console cookie's Secure flag and the public origin to the console's same-origin check.
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
                ForwardLimit = 1,
            };
            // The defaults trust loopback; only what the operator named is trusted.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            foreach (var network in settings.KnownProxies)
                forwarded.KnownIPNetworks.Add(network);
            app.UseForwardedHeaders(forwarded);
        }
        app.UseDotSegmentGuard();
        app.UseJsonErrors();
        // Explicitly here, after the guard: left implicit, routing, authentication and authorization would run first,
        // and a normalised path would be routed (and its route's refusal answered) before the guard saw it.
        app.UseRouting();
        // Only wwwroot/static (the app's icon) is served as plain files: the pages' assets have routes of their own
        // (their cache headers, the role's pages only), and the page templates are never served raw.
        var files = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "static");
        if (Directory.Exists(files))
            app.UseStaticFiles(new StaticFileOptions { RequestPath = "/static", FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(files) });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
