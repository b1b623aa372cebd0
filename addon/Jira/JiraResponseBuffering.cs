namespace ConnectAddon.Jira;

/// <summary>
/// Reads JSON answers whole inside each attempt, so that an answer cut off mid-body is a failure the retry rules
/// see (and repeat when that is safe) rather than one that HttpClient would meet after the pipeline has returned.
/// Attachment downloads are left as streams.
/// </summary>
internal sealed class JiraResponseBuffering : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (JiraRequestOptions.Flag(request, JiraRequestOptions.StreamResponse))
            return response;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
