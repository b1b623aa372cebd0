using JiraSim.Auth;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// Attachments (REST v3 "Issue attachments"): upload as multipart, metadata, content (303 to the media service
/// unless <c>redirect=false</c>), delete.
/// </summary>
public static class AttachmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        MapShared(api);
        api.MapGet("/attachment/content/{id}", Content);
    }

    /// <summary>What a Data Center site's v2 has too (its content is served at <c>/secure/attachment/…</c> instead).</summary>
    public static void MapShared(RouteGroupBuilder api)
    {
        api.MapPost("/issue/{issueIdOrKey}/attachments", AttachmentUpload.HandleAsync);
        api.MapGet("/attachment/{id}", Metadata);
        api.MapDelete("/attachment/{id}", Delete);
    }

    /// <summary>The unauthenticated download route that content redirects point at (see <see cref="MediaLinks"/>).</summary>
    public static void MapMedia(IEndpointRouteBuilder app) => app.MapGet("/_media/{site}/{id}/{token}", MediaLinks.Serve);

    // "Get attachment content": 303 with Location by default; redirect=false answers 200 with the bytes, for
    // clients that do not follow redirects.
    private static IResult Content(string id, SimCaller caller, HttpRequest request)
    {
        var site = caller.Site;
        lock (site.Sync)
        {
            if (site.FindAttachment(id, out _) is not { } attachment)
                return NotFound(id);
            if (string.Equals(request.Query["redirect"], "false", StringComparison.OrdinalIgnoreCase))
                return Results.Bytes(attachment.Content, attachment.MimeType);
            request.HttpContext.Response.Headers.Location = MediaLinks.Url(site, attachment);
            return Results.StatusCode(StatusCodes.Status303SeeOther);
        }
    }

    private static IResult Metadata(string id, SimCaller caller)
    {
        lock (caller.Site.Sync)
            return caller.Site.FindAttachment(id, out _) is { } attachment
                ? Results.Json(AttachmentJson.Metadata(caller.Site, attachment))
                : NotFound(id);
    }

    private static IResult Delete(string id, SimCaller caller)
    {
        var site = caller.Site;
        SimAttachment? attachment;
        SimIssue? issue;
        lock (site.Sync)
            attachment = site.FindAttachment(id, out issue);
        if (attachment is null || issue is null)
            return NotFound(id);
        site.DeleteAttachment(caller.User, issue, attachment);
        return Results.NoContent();
    }

    private static IResult NotFound(string id) => JiraErrors.Status(404, $"The attachment with id '{id}' does not exist.");
}
