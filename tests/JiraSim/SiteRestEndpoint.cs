using JiraSim.Model;

namespace JiraSim;

/// <summary>
/// Marks an endpoint of a site's REST API: the site is resolved, the call counted, faults applied, the caller
/// authenticated. Which deployments answer it: REST v3 is Cloud's (<see cref="Instance"/>), REST v2 here is Data
/// Center's (<see cref="DataCenter"/>), and a few endpoints both have (<see cref="AnyDeployment"/>, e.g. serverInfo,
/// which a client calls to tell them apart). Elsewhere the site answers 404, as a Data Center has no v3.
/// </summary>
public sealed class SiteRestEndpoint
{
    public static readonly SiteRestEndpoint Instance = new() { Cloud = true };
    public static readonly SiteRestEndpoint DataCenter = new() { DataCenterSites = true };
    public static readonly SiteRestEndpoint AnyDeployment = new() { Cloud = true, DataCenterSites = true };

    public bool Cloud { get; private init; }
    public bool DataCenterSites { get; private init; }

    public bool Serves(SimSite site) => site.IsDataCenter ? DataCenterSites : Cloud;
}
