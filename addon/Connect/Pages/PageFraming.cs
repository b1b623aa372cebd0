using ConnectAddon.Connect.Tenants;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// Who may frame a page: nobody (the private node's console), or the Jira site that loads it. Jira Cloud frames an
/// app's pages on the site's own address, or on its custom domain (<c>displayUrl</c> of the install payload), so a
/// page served for a tenant names exactly those origins in <c>frame-ancestors</c>, not every <c>*.atlassian.net</c>
/// site ("What CSPs to set on Atlassian Connect apps", developer community; Atlassian encourages frame-ancestors as
/// defence in depth in "Content-Security-Policy on Cloud Apps").
/// </summary>
public sealed record PageFraming(IReadOnlyList<string> Ancestors)
{
    /// <summary>Framed by nothing: <c>frame-ancestors 'none'</c> and <c>X-Frame-Options: DENY</c>.</summary>
    public static readonly PageFraming Nowhere = new([]);

    public bool IsFramable => Ancestors.Count > 0;

    public static PageFraming ByJira(Tenant tenant)
    {
        var origins = new List<string> { Origin(tenant.BaseUrl) };
        if (Uri.TryCreate(tenant.DisplayUrl, UriKind.Absolute, out var display) && display.Scheme is "https" or "http")
            origins.Add(Origin(display));
        return new PageFraming(origins.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    /// <summary>The directive's value: origins only, because frame-ancestors matches an ancestor's origin, never its path.</summary>
    public string Directive => IsFramable ? "frame-ancestors " + string.Join(' ', Ancestors) : "frame-ancestors 'none'";

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
