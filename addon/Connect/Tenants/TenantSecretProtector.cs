using ConnectAddon.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connect.Tenants;

/// <summary>Encrypts tenants' shared secrets and Forge app tokens at rest.</summary>
public sealed class TenantSecretProtector(IDataProtectionProvider provider) : AtRestProtector(provider, "ConnectAddon.Tenants.SharedSecret.v1");
