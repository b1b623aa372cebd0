namespace JiraSim;

/// <summary>Marks an endpoint of a site's REST API: the site is resolved, the call counted, faults applied, the caller authenticated.</summary>
public sealed class SiteRestEndpoint
{
    public static readonly SiteRestEndpoint Instance = new();
}
