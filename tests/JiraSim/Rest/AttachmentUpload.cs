using System.Text.Json.Nodes;
using JiraSim.Auth;
using JiraSim.Model;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace JiraSim.Rest;

/// <summary>
/// "Add attachment": multipart/form-data in which every part named <c>file</c> is one attachment, behind the
/// <c>X-Atlassian-Token: no-check</c> header ("Special request headers"). 413 for more than 60 files, a file over
/// the size limit, or an issue at its attachment limit ("Jira Cloud limits"). The whole request is read and checked
/// before anything is stored, so a refused upload changes nothing.
/// </summary>
public static class AttachmentUpload
{
    public const int MaxFilesPerRequest = 60;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<IResult> HandleAsync(string issueIdOrKey, SimCaller caller, HttpRequest request)
    {
        // Jira's XSRF filter refuses multipart posts without the header before the resource sees them.
        if (!string.Equals(request.Headers["X-Atlassian-Token"], "no-check", StringComparison.OrdinalIgnoreCase))
            return JiraErrors.Status(403, "XSRF check failed");
        var site = caller.Site;
        SimIssue? issue;
        lock (site.Sync)
            issue = site.FindIssue(issueIdOrKey);
        if (issue is null)
            return JiraErrors.IssueNotFound();

        var (files, error) = await ReadFilesAsync(request, site.Limits);
        if (error is not null)
            return error;
        lock (site.Sync)
            if (issue.Attachments.Count + files!.Count > site.Limits.AttachmentsPerIssue)
                return AtIssueLimit(site);

        var added = new List<SimAttachment>();
        foreach (var (name, type, content) in files)
        {
            // Only a concurrent upload to the same issue can fill it between the check above and here.
            if (site.AddAttachment(caller.User, issue, name, type, content) is not { } attachment)
                return AtIssueLimit(site);
            added.Add(attachment);
        }
        lock (site.Sync)
            return Results.Json(new JsonArray(added.Select(a => (JsonNode)SiteJson.Attachment(site, a)).ToArray()));
    }

    private static async Task<(List<(string Name, string Type, byte[] Content)>? Files, IResult? Error)> ReadFilesAsync(HttpRequest request, Limits limits)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            return (null, JiraErrors.Status(415, "The request must be multipart/form-data with a boundary."));

        // The size limit is the simulator's to enforce (Limits.MaxAttachmentBytes), not the web server's default.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = null;

        var files = new List<(string, string, byte[])>();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition is null || !disposition.IsFileDisposition() || disposition.Name.Value?.Trim('"') != "file")
                    continue;
                if (files.Count == MaxFilesPerRequest)
                    return (null, JiraErrors.Status(413, $"At most {MaxFilesPerRequest} files can be uploaded in one request."));
                var content = await ReadAtMostAsync(section.Body, limits.MaxAttachmentBytes, request.HttpContext.RequestAborted);
                if (content is null)
                    return (null, JiraErrors.Status(413, $"The file is larger than the maximum attachment size of {limits.MaxAttachmentBytes} bytes."));
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "file";
                files.Add((name, MimeType(section.ContentType, name), content));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (null, JiraErrors.BadRequest("The multipart body is malformed: " + e.Message));
        }
        return files.Count == 0 ? (null, JiraErrors.BadRequest("The request has no part named 'file'.")) : (files, null);
    }

    // The part's own Content-Length is not trusted: the stream is read, and reading stops past the limit.
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // Jira detects the type itself; the simulator takes the part's declared type, else guesses from the name.
    private static string MimeType(string? declared, string fileName) =>
        !string.IsNullOrWhiteSpace(declared) ? declared
        : ContentTypes.TryGetContentType(fileName, out var guessed) ? guessed
        : "application/octet-stream";

    private static IResult AtIssueLimit(SimSite site) =>
        JiraErrors.Status(413, $"The issue has reached the limit of {site.Limits.AttachmentsPerIssue} attachments.");
}
