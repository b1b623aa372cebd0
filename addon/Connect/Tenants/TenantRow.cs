namespace ConnectAddon.Connect.Tenants;

/// <summary>The <c>tenants</c> table as Dapper reads it; the secret column holds ciphertext.</summary>
internal sealed record TenantRow(
    string client_key, string app_key, string base_url, string? display_url, string? product_type, string? description,
    string? cloud_id, string? server_version, string? plugins_version, string? shared_secret, long enabled,
    long installed_at_ms, long updated_at_ms, long? uninstalled_at_ms,
    string? forge_installation_id, string? forge_api_base_url, string? forge_environment, long? forge_installed_at_ms,
    long? forge_uninstalled_at_ms, string? forge_token, long? forge_token_until_ms);
