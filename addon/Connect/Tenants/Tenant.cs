namespace ConnectAddon.Connect.Tenants;

/// <summary>One Jira Cloud site that installed the app, known by its <c>clientKey</c>.</summary>
public sealed record Tenant
{
    public required string ClientKey { get; init; }
    public required string AppKey { get; init; }
    public required Uri BaseUrl { get; init; }
    public string? DisplayUrl { get; init; }
    public string? ProductType { get; init; }
    public string? Description { get; init; }
    public string? CloudId { get; init; }
    public string? ServerVersion { get; init; }
    public string? PluginsVersion { get; init; }
    /// <summary>Decrypted only in memory; never logged (see <see cref="ToString"/>).</summary>
    public required string SharedSecret { get; init; }
    public bool Enabled { get; init; } = true;
    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? UninstalledAt { get; init; }

    public bool IsInstalled => UninstalledAt is null;

    // Records print every property; this one must not print the secret.
    public override string ToString() => $"Tenant {ClientKey} ({BaseUrl}){(IsInstalled ? "" : " uninstalled")}";
}
