using ConnectAddon.Jira.Models;

namespace ConnectAddon.Jira;

// JQL search ("Jira REST API v3: Issue search", POST /rest/api/3/search/jql). The old /rest/api/3/search answers 410.
public sealed partial class JiraClient
{
    /// <summary>
    /// One page of a JQL search; pass the answer's <see cref="JiraSearchPage.NextPageToken"/> for the next page until
    /// <see cref="JiraSearchPage.IsLast"/>. A POST that changes nothing, so it is retried like a GET.
    /// </summary>
    public Task<JiraResult<JiraSearchPage>> SearchAsync(JiraSearchRequest search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (IsDataCenter)
            return SearchDataCenterAsync(search, cancellationToken);
        var request = NewRequest(HttpMethod.Post, Rest + "search/jql", JiraJson.Content(search));
        request.Options.Set(JiraRequestOptions.ReadOnly, true);
        return ReadAsync<JiraSearchPage>(request, cancellationToken);
    }
}
