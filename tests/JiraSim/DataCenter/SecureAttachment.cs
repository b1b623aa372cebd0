using JiraSim.Auth;

namespace JiraSim.DataCenter;

/// <summary>
/// <c>GET {base}/secure/attachment/{id}/{filename}</c>: where a Data Center attachment's <c>content</c> link points.
/// Jira serves the bytes itself, to a caller authenticated like any REST call (PAT or basic; no media service, no
/// redirect), so the route runs behind <see cref="SiteRequestMiddleware"/>; anonymous callers get 401.
/// </summary>
public static class SecureAttachment
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/{site}/secure/attachment/{id}/{filename}", (string id, string filename, SimCaller caller) =>
        {
            lock (caller.Site.Sync)
                return caller.Site.FindAttachment(id, out _) is { } attachment && attachment.FileName == filename
                    ? Results.Bytes(attachment.Content, attachment.MimeType, attachment.FileName)
                    : Rest.JiraErrors.Status(404, $"The attachment with id '{id}' does not exist.");
        }).WithMetadata(SiteRestEndpoint.DataCenter);
}
