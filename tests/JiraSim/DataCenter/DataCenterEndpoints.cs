using JiraSim.Rest;

namespace JiraSim.DataCenter;

/// <summary>
/// A Data Center site's REST v2 under <c>/{site}/rest/api/2/</c>: the Cloud endpoints whose handlers serve both
/// flavours (shapes follow the site, see <see cref="DataCenterJson"/>), and v2's own where the API really differs
/// (offset search, the project list, users by name, mypermissions, attachment content at <c>/secure/attachment</c>).
/// </summary>
public static class DataCenterEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/{site}/rest/api/2").WithMetadata(SiteRestEndpoint.DataCenter);
        IssueEndpoints.Map(v2);
        CommentEndpoints.Map(v2);
        PropertyEndpoints.Map(v2);
        AttachmentEndpoints.MapShared(v2);
        ProjectEndpoints.MapShared(v2);
        AccountEndpoints.MapMyself(v2);
        SearchV2Endpoints.Map(v2);
        DataCenterProjectEndpoints.Map(v2);
        DataCenterAccountEndpoints.Map(v2);
        // Cloud answers serverInfo under v2 as well, so one call on any site tells which Jira it is.
        ServerInfo.Map(v2).WithMetadata(SiteRestEndpoint.AnyDeployment);
        SecureAttachment.Map(app);
    }
}
