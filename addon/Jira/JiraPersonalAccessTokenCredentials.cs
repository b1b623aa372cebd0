using System.Net.Http.Headers;

namespace ConnectAddon.Jira;

/// <summary>A personal access token, sent as <c>Authorization: Bearer</c>.</summary>
public sealed class JiraPersonalAccessTokenCredentials : JiraCredentials
{
    private readonly string token;

    internal JiraPersonalAccessTokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        this.token = token;
    }

    internal override AuthenticationHeaderValue ToAuthorization() => new("Bearer", token);

    public override string ToString() => "personal access token";
}
