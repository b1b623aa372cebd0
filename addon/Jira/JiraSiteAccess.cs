namespace ConnectAddon.Jira;

/// <summary>How requests to a Jira site are authenticated, and so which HTTP client carries them.</summary>
public enum JiraSiteAccess
{
    /// <summary>As the Connect app: each request signed with the tenant's shared secret (<see cref="ConnectJwtSigner"/>).</summary>
    ConnectApp,

    /// <summary>As the Forge app: the installation's app system token, to the token's <c>app.apiBaseUrl</c>.</summary>
    ForgeApp,

    /// <summary>A private node's own credentials for its own Jira.</summary>
    Credentials,
}
