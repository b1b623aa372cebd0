using System.Net.Http.Headers;

namespace ConnectAddon.Jira;

/// <summary>
/// A Forge app system token (<c>x-forge-oauth-system</c>), sent as <c>Authorization: Bearer</c> to the installation's
/// API base URL ("Calling product APIs from a remote"). Opaque: nothing is read from it.
/// </summary>
public sealed class JiraAppTokenCredentials : JiraCredentials
{
    private readonly string token;

    internal JiraAppTokenCredentials(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        this.token = token;
    }

    internal override AuthenticationHeaderValue ToAuthorization() => new("Bearer", token);

    public override string ToString() => "Forge app token";
}
