using System.Net.Http.Headers;

namespace ConnectAddon.Jira;

/// <summary>
/// A token sent as <c>Authorization: Bearer</c>: a Data Center personal access token, or a Forge app system token
/// (<c>x-forge-oauth-system</c>, to the installation's API base URL, "Calling product APIs from a remote"). Opaque:
/// nothing is read from it; <see cref="ToString"/> names only its kind.
/// </summary>
public sealed class JiraBearerTokenCredentials : JiraCredentials
{
    private readonly string token;
    private readonly string kind;

    internal JiraBearerTokenCredentials(string token, string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        this.token = token;
        this.kind = kind;
    }

    internal override AuthenticationHeaderValue ToAuthorization() => new("Bearer", token);

    public override string ToString() => kind;
}
