namespace ConnectAddon.Jira.Models;

/// <summary>
/// The bytes of an attachment as they arrive from Jira: a forward-only stream over the open response, never held
/// whole in memory. Dispose it to release the connection. No timeout of the client applies while reading it;
/// pass a cancellation token to the reads.
/// </summary>
public sealed class JiraAttachmentContent : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage response;

    internal JiraAttachmentContent(HttpResponseMessage response, Stream content)
    {
        this.response = response;
        Content = content;
        MediaType = response.Content.Headers.ContentType?.MediaType;
        Length = response.Content.Headers.ContentLength;
        FileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
    }

    public Stream Content { get; }
    public string? MediaType { get; }
    /// <summary>Content-Length when Jira sent one.</summary>
    public long? Length { get; }
    public string? FileName { get; }

    public void Dispose()
    {
        Content.Dispose();
        response.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        response.Dispose();
    }
}
