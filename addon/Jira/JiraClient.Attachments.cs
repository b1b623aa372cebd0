using System.Net.Http.Headers;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// Attachments ("Jira REST API v3: Issue attachments"): multipart upload, metadata, streamed content, delete.
public sealed partial class JiraClient
{
    /// <summary>
    /// Uploads one file to an issue, streamed from <paramref name="content"/> (read from its current position; not
    /// closed). Multipart part <c>file</c> and the header <c>X-Atlassian-Token: no-check</c>, without which Jira blocks
    /// the request as a possible cross-site request forgery. Jira answers with the list of attachments it created.
    /// <para>
    /// Repeats: after 429 or 503 (Jira did not take the file) the request is sent again only when the stream can seek,
    /// because then StreamContent rewinds it to where it started and the whole file is sent again. A stream that cannot
    /// seek cannot be replayed, so such an upload is sent once and the 429 comes back as RateLimited for the caller to
    /// reopen the source and try later. A lost answer is OutcomeUnknown: look at the issue's attachments first.
    /// </para>
    /// </summary>
    public Task<JiraResult<IReadOnlyList<JiraAttachment>>> UploadAttachmentAsync(string issueIdOrKey, Stream content, string fileName, string? mediaType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(mediaType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        // Written by hand: .NET's ContentDispositionHeaderValue refuses quotes inside a file name and writes other
        // names as RFC 2047 encoded-words. This is how browsers send it (HTML standard, multipart/form-data encoding;
        // RFC 7578 §4.2): raw UTF-8 in a quoted string, with '"', CR and LF percent-encoded so nothing breaks out.
        var form = new MultipartFormDataContent { file };
        file.Headers.Remove("Content-Disposition");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{FormDataFileName(fileName)}\"");
        form.HeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8;

        var request = NewRequest(HttpMethod.Post, IssuePath(issueIdOrKey) + "/attachments", form);
        request.Headers.Add("X-Atlassian-Token", "no-check");
        request.Options.Set(JiraRequestOptions.Transfer, true);
        if (!content.CanSeek)
            request.Options.Set(JiraRequestOptions.BodyNotReplayable, true);
        // Not disposed here: disposing the request would dispose the caller's stream.
        return ReadListAsync<JiraAttachment>(request, cancellationToken);
    }

    /// <summary>An attachment's metadata (GET /rest/api/3/attachment/{id}).</summary>
    public Task<JiraResult<JiraAttachment>> GetAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default) =>
        ReadAsync<JiraAttachment>(NewRequest(HttpMethod.Get, AttachmentPath(attachmentId)), cancellationToken);

    /// <summary>
    /// Opens an attachment's bytes as a stream. <c>redirect=false</c> makes Jira answer 200 with the bytes instead of a
    /// 303 to its media store. The stream is read straight off the connection, never buffered whole; dispose the result.
    /// </summary>
    public async Task<JiraResult<JiraAttachmentContent>> OpenAttachmentContentAsync(string attachmentId, CancellationToken cancellationToken = default)
    {
        if (!IsDataCenter)
            return await OpenContentAsync(Rest + "attachment/content/" + JiraPath.Segment(attachmentId) + JiraPath.Query(("redirect", "false")), cancellationToken);
        // Data Center has no content endpoint in REST: the bytes are at the attachment's content URL
        // (…/secure/attachment/{id}/{filename}), served to the same credentials. Only one under this site is followed.
        var metadata = await GetAttachmentAsync(attachmentId, cancellationToken);
        if (!metadata.IsSuccess)
            return metadata.Error;
        if (!Uri.TryCreate(metadata.Value.Content, UriKind.Absolute, out var content) || !Target.Contains(content))
            return new JiraError
            {
                Kind = JiraErrorKind.InvalidResponse,
                Message = $"Attachment {attachmentId}'s content URL is not on this Jira ({Target.BaseUrl}); it is not followed.",
            };
        return await OpenContentAsync(content.AbsoluteUri[Target.BaseUrl.AbsoluteUri.Length..], cancellationToken);
    }

    private async Task<JiraResult<JiraAttachmentContent>> OpenContentAsync(string relativePathAndQuery, CancellationToken cancellationToken)
    {
        using var request = NewRequest(HttpMethod.Get, relativePathAndQuery);
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        request.Options.Set(JiraRequestOptions.Transfer, true);
        request.Options.Set(JiraRequestOptions.StreamResponse, true);

        var sent = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!sent.IsSuccess)
            return sent.Error;
        try
        {
            return new JiraAttachmentContent(sent.Value, await sent.Value.Content.ReadAsStreamAsync(cancellationToken));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            sent.Value.Dispose();
            return Failed(request, JiraFailures.FromException(request, e)!);
        }
    }

    /// <summary>Deletes an attachment (204). NotFound means it is gone, perhaps by an earlier attempt whose answer was lost.</summary>
    public Task<JiraResult> DeleteAttachmentAsync(string attachmentId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(NewRequest(HttpMethod.Delete, AttachmentPath(attachmentId)), cancellationToken);

    private async Task<JiraResult<IReadOnlyList<T>>> ReadListAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var list = await ReadWithoutDisposingAsync<List<T>>(request, cancellationToken);
        return list.IsSuccess ? JiraResult<IReadOnlyList<T>>.Success(list.Value) : list.Error;
    }

    private string AttachmentPath(string attachmentId) => Rest + "attachment/" + JiraPath.Segment(attachmentId);

    private static string FormDataFileName(string fileName) =>
        new string(fileName.Select(c => char.IsControl(c) && c is not '\r' and not '\n' ? '_' : c).ToArray())
            .Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
}
