namespace ConnectAddon.Connect.Tenants;

/// <summary>
/// A site's installation of the Forge app, as the invocation tokens tell it ("Forge Remote essentials"): its id
/// (which changes on reinstall), where the app's Jira REST calls go (<c>app.apiBaseUrl</c>), its environment, and the
/// latest app system token (<c>x-forge-oauth-system</c>), which no endpoint refreshes: every invocation brings one.
/// </summary>
public sealed record ForgeInstallation
{
    public required string InstallationId { get; init; }
    public required Uri ApiBaseUrl { get; init; }
    public string? Environment { get; init; }
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset? UninstalledAt { get; init; }

    /// <summary>Decrypted only in memory; never logged (see <see cref="ToString"/>).</summary>
    public string? AppToken { get; init; }

    /// <summary>Until when <see cref="AppToken"/> is used.</summary>
    public DateTimeOffset? AppTokenUsableUntil { get; init; }

    public bool IsInstalled => UninstalledAt is null;

    public bool HasUsableToken(DateTimeOffset now) => AppToken is { Length: > 0 } && AppTokenUsableUntil > now;

    public override string ToString() => $"Forge installation {InstallationId} ({ApiBaseUrl}){(IsInstalled ? "" : " uninstalled")}";
}
