namespace ConnectAddon.Forge.Jwt;

/// <summary>
/// What a verified Forge Invocation Token says ("Forge Remote essentials", the token's claims): which installation
/// and site the call is for, where the app's Jira REST calls go, which module called, and for calls from a page,
/// the user (<c>principal</c>) and the site's URL.
/// </summary>
public sealed record InvocationToken
{
    public required string AppId { get; init; }
    public required string InstallationId { get; init; }
    public required Uri ApiBaseUrl { get; init; }
    public required string CloudId { get; init; }
    public string? Environment { get; init; }
    public string? ModuleType { get; init; }
    public string? ModuleKey { get; init; }
    public Uri? SiteUrl { get; init; }
    public string? Principal { get; init; }
}
