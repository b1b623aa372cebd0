using ConnectAddon.Hosting;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Connect.Tenants;

/// <summary>
/// Tenants by clientKey. Reads are cached briefly because every request from Jira needs its tenant's secret;
/// writes in this process drop the cached entry at once, and another process sharing the database sees a
/// rotated secret within <see cref="CacheLifetime"/>. Only tenants that exist are cached, in a bounded cache: the key
/// is a token's unverified <c>iss</c>, so an unknown one costs one indexed read and nothing that lasts (a flood of
/// made-up issuers once filled memory here).
/// </summary>
public sealed class TenantStore(Database database, TenantSecretProtector protector, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>More tenants than one node serves; beyond it the least fresh are read again.</summary>
    public const int CacheCapacity = 10_000;

    /// <summary>The longest clientKey looked up; Jira's are UUIDs, and a longer issuer is not worth a database read.</summary>
    public const int MaxClientKeyLength = 255;

    private readonly BoundedCache<string, Tenant> cache = new(CacheCapacity, CacheLifetime, clock, StringComparer.Ordinal);

    public async Task<Tenant?> FindAsync(string clientKey, CancellationToken cancel = default)
    {
        if (clientKey.Length is 0 or > MaxClientKeyLength)
            return null;
        if (cache.TryGet(clientKey, out var cached))
            return cached;

        var read = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancel);
        var row = await connection.QuerySingleOrDefaultAsync<TenantRow>(
            new CommandDefinition("SELECT * FROM tenants WHERE client_key = @clientKey", new { clientKey }, cancellationToken: cancel));
        if (row is null)
            return null;
        var tenant = ToTenant(row);
        cache.Set(clientKey, tenant, read);
        return tenant;
    }

    /// <summary>Records an install: a new tenant, or a reinstall that replaces the secret and details and clears any uninstall.</summary>
    public async Task UpsertAsync(Tenant tenant, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO tenants (client_key, app_key, base_url, display_url, product_type, description, cloud_id,
                                 server_version, plugins_version, shared_secret, enabled, installed_at_ms, updated_at_ms, uninstalled_at_ms)
            VALUES (@ClientKey, @AppKey, @BaseUrl, @DisplayUrl, @ProductType, @Description, @CloudId,
                    @ServerVersion, @PluginsVersion, @Secret, 1, @Now, @Now, NULL)
            ON CONFLICT (client_key) DO UPDATE SET
                app_key = excluded.app_key, base_url = excluded.base_url, display_url = excluded.display_url,
                product_type = excluded.product_type, description = excluded.description, cloud_id = excluded.cloud_id,
                server_version = excluded.server_version, plugins_version = excluded.plugins_version,
                shared_secret = excluded.shared_secret, enabled = 1, updated_at_ms = excluded.updated_at_ms,
                installed_at_ms = CASE WHEN tenants.uninstalled_at_ms IS NULL THEN tenants.installed_at_ms ELSE excluded.installed_at_ms END,
                uninstalled_at_ms = NULL
            """,
            new
            {
                tenant.ClientKey, tenant.AppKey, BaseUrl = tenant.BaseUrl.ToString(), tenant.DisplayUrl, tenant.ProductType,
                tenant.Description, tenant.CloudId, tenant.ServerVersion, tenant.PluginsVersion,
                Secret = protector.Protect(tenant.SharedSecret ?? throw new ArgumentException("A Connect install has a shared secret.", nameof(tenant))), Now = now,
            }, cancellationToken: cancel));
        cache.Remove(tenant.ClientKey);
    }

    /// <summary>Soft delete: the row and everything that hangs off it stay; the tenant is no longer accepted.</summary>
    public async Task<bool> MarkUninstalledAsync(string clientKey, CancellationToken cancel = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET uninstalled_at_ms = @now, updated_at_ms = @now WHERE client_key = @clientKey AND uninstalled_at_ms IS NULL",
            new { clientKey, now }, cancellationToken: cancel));
        cache.Remove(clientKey);
        return changed > 0;
    }

    /// <summary>Drops the cached copy of a tenant another store changed (the Forge installation's columns).</summary>
    public void Forget(string clientKey) => cache.Remove(clientKey);

    /// <summary>The tenant that is this site, found by its cloudId or, for installs that did not record one, its base URL.</summary>
    public async Task<Tenant?> FindSiteAsync(string cloudId, Uri? siteUrl, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        // A Connect tenant first: a site that moves to Forge keeps its client_key, and with it its connections.
        var row = await connection.QueryFirstOrDefaultAsync<TenantRow>(new CommandDefinition("""
            SELECT * FROM tenants WHERE cloud_id = @cloudId OR (@siteUrl IS NOT NULL AND cloud_id IS NULL AND rtrim(base_url, '/') = @siteUrl)
            ORDER BY CASE WHEN shared_secret IS NOT NULL THEN 0 ELSE 1 END, installed_at_ms LIMIT 1
            """, new { cloudId, siteUrl = siteUrl?.ToString().TrimEnd('/') }, cancellationToken: cancel));
        return row is null ? null : ToTenant(row);
    }

    public async Task SetEnabledAsync(string clientKey, bool enabled, CancellationToken cancel = default)
    {
        await using var connection = await database.OpenAsync(cancel);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET enabled = @enabled, updated_at_ms = @now WHERE client_key = @clientKey",
            new { clientKey, enabled = enabled ? 1 : 0, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
        cache.Remove(clientKey);
    }

    private Tenant ToTenant(TenantRow row) => new()
    {
        ClientKey = row.client_key,
        AppKey = row.app_key,
        BaseUrl = new Uri(row.base_url),
        DisplayUrl = row.display_url,
        ProductType = row.product_type,
        Description = row.description,
        CloudId = row.cloud_id,
        ServerVersion = row.server_version,
        PluginsVersion = row.plugins_version,
        SharedSecret = row.shared_secret is { } secret ? protector.Unprotect(secret) : null,
        Enabled = row.enabled != 0,
        InstalledAt = DateTimeOffset.FromUnixTimeMilliseconds(row.installed_at_ms),
        UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(row.updated_at_ms),
        UninstalledAt = Time(row.uninstalled_at_ms),
        Forge = row.forge_installation_id is { } installation && row.forge_api_base_url is { } api
            ? new ForgeInstallation
            {
                InstallationId = installation,
                ApiBaseUrl = new Uri(api),
                Environment = row.forge_environment,
                InstalledAt = Time(row.forge_installed_at_ms) ?? DateTimeOffset.FromUnixTimeMilliseconds(row.installed_at_ms),
                UninstalledAt = Time(row.forge_uninstalled_at_ms),
                AppToken = row.forge_token is { } token ? protector.Unprotect(token) : null,
                AppTokenUsableUntil = Time(row.forge_token_until_ms),
            }
            : null,
    };

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
