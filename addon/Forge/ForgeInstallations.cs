using ConnectAddon.Connect.Tenants;
using ConnectAddon.Forge.Jwt;
using ConnectAddon.Storage;
using Dapper;

namespace ConnectAddon.Forge;

/// <summary>
/// The Forge side of the tenants table: which site a verified invocation is for, its installation, and its latest app
/// token. Sites are matched by cloudId ("stable identifier and does not change upon app re-installation"), so a site
/// that moves from the Connect app to the Forge app is the same tenant (its client_key, and with it its connections,
/// stay); a site that never had the Connect app becomes tenant <c>forge:&lt;cloudId&gt;</c>. Nothing is written when the
/// invocation says what is already stored.
/// </summary>
public sealed class ForgeInstallations(Database database, TenantStore tenants, TenantSecretProtector protector, TimeProvider clock, ILogger<ForgeInstallations> logger)
{
    /// <summary>
    /// How long an app token is used after it arrived: Forge guarantees "a min TTL of 2 hours" for the token it sends
    /// ("Forge Remote essentials"), less a margin for clocks and for calls in flight.
    /// </summary>
    public static readonly TimeSpan TokenUse = TimeSpan.FromMinutes(110);

    /// <summary>Writing a token that is already stored only when its stored use would end within this.</summary>
    private static readonly TimeSpan TokenRewrite = TimeSpan.FromMinutes(100);

    /// <summary>
    /// The tenant an invocation is for, its installation recorded or brought up to date. Null when the invocation is
    /// for an installation this node was told is gone and nothing in it proves otherwise (a late event).
    /// </summary>
    public async Task<Tenant?> AttachAsync(InvocationToken token, CancellationToken cancel)
    {
        var site = await tenants.FindSiteAsync(token.CloudId, token.SiteUrl, cancel);
        if (site?.Forge is { IsInstalled: false } gone && gone.InstallationId == token.InstallationId
            && !ForgeModules.ProvesInstallation(token.ModuleType, token.ModuleKey))
            return null;
        if (site is { Forge: { IsInstalled: true } known } && known.InstallationId == token.InstallationId && known.ApiBaseUrl == token.ApiBaseUrl
            && site.CloudId == token.CloudId && !LearnsSiteUrl(site, token))
            return site;

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var key = site?.ClientKey ?? Tenant.ForgeKeyPrefix + token.CloudId;
        await using var connection = await database.OpenAsync(cancel);
        // A site seen for the first time starts with the API base URL as its address until a page names the site's own.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO tenants (client_key, app_key, base_url, cloud_id, enabled, installed_at_ms, updated_at_ms)
            VALUES (@key, @app, @address, @cloudId, 1, @now, @now)
            ON CONFLICT (client_key) DO NOTHING;
            UPDATE tenants SET
                forge_installed_at_ms = CASE WHEN forge_installation_id = @installation AND forge_uninstalled_at_ms IS NULL THEN forge_installed_at_ms ELSE @now END,
                -- a reinstall is another installation: the old one's token is not its own
                forge_token = CASE WHEN forge_installation_id = @installation THEN forge_token END,
                forge_token_until_ms = CASE WHEN forge_installation_id = @installation THEN forge_token_until_ms END,
                forge_installation_id = @installation, forge_api_base_url = @api, forge_environment = @environment,
                forge_uninstalled_at_ms = NULL, cloud_id = COALESCE(cloud_id, @cloudId),
                base_url = CASE WHEN shared_secret IS NULL AND @site IS NOT NULL THEN @site ELSE base_url END,
                updated_at_ms = @now
            WHERE client_key = @key
            """,
            new
            {
                key, app = token.AppId, cloudId = token.CloudId, installation = token.InstallationId, api = token.ApiBaseUrl.ToString(),
                environment = token.Environment, site = token.SiteUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/'),
                address = (token.SiteUrl ?? token.ApiBaseUrl).GetLeftPart(UriPartial.Path).TrimEnd('/'), now,
            }, cancellationToken: cancel));
        tenants.Forget(key);
        if (site?.Forge?.InstallationId != token.InstallationId)
            logger.LogInformation("Forge installation {Installation} of site {CloudId} recorded for tenant {ClientKey}{Moved}",
                token.InstallationId, token.CloudId, key, site is { ConnectInstalled: true } ? " (the site's Connect install: its connections stay)" : "");
        return await tenants.FindAsync(key, cancel);
    }

    /// <summary>Keeps <paramref name="token"/> as the tenant's app token for <see cref="TokenUse"/>; the tenant as it is now.</summary>
    public async Task<Tenant> StoreTokenAsync(Tenant tenant, string token, CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        if (tenant.Forge is not { } forge || (forge.AppToken == token && forge.AppTokenUsableUntil > now + TokenRewrite))
            return tenant;
        var until = (now + TokenUse).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancel);
        // Never replaced by an older arrival (another process may have stored a later one meanwhile).
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET forge_token = @token, forge_token_until_ms = @until WHERE client_key = @key AND forge_installation_id = @installation " +
            "AND (forge_token_until_ms IS NULL OR forge_token_until_ms < @until)",
            new { token = protector.Protect(token), until, key = tenant.ClientKey, installation = forge.InstallationId }, cancellationToken: cancel));
        tenants.Forget(tenant.ClientKey);
        return await tenants.FindAsync(tenant.ClientKey, cancel) ?? tenant;
    }

    /// <summary>The app is being uninstalled from the site (preUninstall): its installation and token are forgotten; the tenant's data stays.</summary>
    public async Task<bool> MarkUninstalledAsync(Tenant tenant, string installationId, CancellationToken cancel)
    {
        await using var connection = await database.OpenAsync(cancel);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET forge_uninstalled_at_ms = @now, forge_token = NULL, forge_token_until_ms = NULL, updated_at_ms = @now " +
            "WHERE client_key = @key AND forge_installation_id = @installationId AND forge_uninstalled_at_ms IS NULL",
            new { key = tenant.ClientKey, installationId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: cancel));
        tenants.Forget(tenant.ClientKey);
        return changed > 0;
    }

    // A Forge-only tenant's address is the API base URL until a page's token names the site.
    private static bool LearnsSiteUrl(Tenant site, InvocationToken token) =>
        token.SiteUrl is { } url && !site.ConnectInstalled && site.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') != url.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
