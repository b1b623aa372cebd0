namespace ConnectAddon.Connect.Tenants;

/// <summary>
/// One Jira Cloud site that installed the app, known by its <c>clientKey</c>: installed the Connect way (a shared
/// secret), the Forge way (<see cref="Forge"/>), or both while it moves from Connect to Forge. A site installed only
/// through Forge is keyed <c>forge:&lt;cloudId&gt;</c>.
/// </summary>
public sealed record Tenant
{
    public const string ForgeKeyPrefix = "forge:";

    public required string ClientKey { get; init; }
    public required string AppKey { get; init; }
    public required Uri BaseUrl { get; init; }
    public string? DisplayUrl { get; init; }
    public string? ProductType { get; init; }
    public string? Description { get; init; }
    public string? CloudId { get; init; }
    public string? ServerVersion { get; init; }
    public string? PluginsVersion { get; init; }
    /// <summary>The Connect install's secret, decrypted only in memory; never logged (see <see cref="ToString"/>). Null when the site never installed the Connect app.</summary>
    public string? SharedSecret { get; init; }
    public bool Enabled { get; init; } = true;
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>When the Connect app was uninstalled (a soft delete).</summary>
    public DateTimeOffset? UninstalledAt { get; init; }

    /// <summary>The Forge app's installation on this site, when it has one.</summary>
    public ForgeInstallation? Forge { get; init; }

    /// <summary>Requests from Jira signed with the shared secret are accepted, and requests to Jira may be signed with it.</summary>
    public bool ConnectInstalled => SharedSecret is { Length: > 0 } && UninstalledAt is null;

    public bool ForgeInstalled => Forge is { IsInstalled: true };

    public bool IsInstalled => ConnectInstalled || ForgeInstalled;

    // Records print every property; this one must not print the secret.
    public override string ToString() =>
        $"Tenant {ClientKey} ({BaseUrl}){(ConnectInstalled ? " Connect" : "")}{(ForgeInstalled ? " Forge" : "")}{(IsInstalled ? "" : " uninstalled")}";
}
