namespace ConnectAddon.Jira;

/// <summary>
/// Puts a private node's credentials on every attempt of a request to its Jira (below the retry, so a retried
/// request is authenticated the same way). Refuses to send them anywhere but their own site.
/// </summary>
internal sealed class JiraCredentialsHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(JiraRequestOptions.Target, out var target) || target.Credentials is null)
            throw new InvalidOperationException("A request to a Jira reached with credentials must name its target (JiraRequestOptions.Target).");
        if (!target.Contains(request.RequestUri))
            throw new InvalidOperationException("Refusing to send credentials outside their own Jira site.");
        request.Headers.Authorization = target.Credentials.ToAuthorization();
        return base.SendAsync(request, cancellationToken);
    }
}
