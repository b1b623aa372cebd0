namespace JiraSim.Tests.Support;

/// <summary>Attachment uploads as Jira expects them: multipart, one part named <c>file</c> per file, and <c>X-Atlassian-Token: no-check</c>.</summary>
public static class Uploads
{
    public static HttpRequestMessage Request(string issueIdOrKey, params (string Name, byte[] Content)[] files) =>
        Request(issueIdOrKey, noCheckHeader: true, files);

    public static HttpRequestMessage Request(string issueIdOrKey, bool noCheckHeader, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
            form.Add(new ByteArrayContent(content), "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, SimClients.V3($"issue/{issueIdOrKey}/attachments")) { Content = form };
        if (noCheckHeader)
            request.Headers.Add("X-Atlassian-Token", "no-check");
        return request;
    }

    /// <summary>A client with the same site and credentials that shows redirects instead of following them.</summary>
    public static HttpClient WithoutRedirects(HttpClient authenticated) =>
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = authenticated.BaseAddress,
            DefaultRequestHeaders = { Authorization = authenticated.DefaultRequestHeaders.Authorization },
        };
}
