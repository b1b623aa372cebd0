namespace ConnectAddon.Connect.Pages;

/// <summary>
/// The security headers of every HTML page this node serves, in one place: a Content-Security-Policy that lets the
/// page run only its own scripts (and Atlassian's all.js where Jira frames it), call only this node, and be framed only
/// as <see cref="PageFraming"/> says; no caching; no sniffing; no referrer beyond this origin.
/// </summary>
public static class PageHeaders
{
    /// <param name="allJs">Atlassian's iframe bridge, allowed as a script source when the page loads it.</param>
    public static void Apply(HttpResponse response, PageFraming framing, Uri? allJs)
    {
        var scripts = allJs is null ? "'self'" : "'self' " + allJs.GetLeftPart(UriPartial.Authority);
        // Inline styles stay allowed where all.js runs: it may style the document it resizes (it is Atlassian's code,
        // not ours, and an inline style cannot run script). The console has no third-party code: styles from this node only.
        var styles = allJs is null ? "'self'" : "'self' 'unsafe-inline'";
        var headers = response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src {scripts}; style-src {styles}; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
            $"base-uri 'none'; object-src 'none'; form-action 'none'; {framing.Directive}";
        if (!framing.IsFramable)
            headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
