using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connect.Tenants;

/// <summary>Encrypts shared secrets at rest with ASP.NET Core Data Protection (keys kept beside the database).</summary>
public sealed class TenantSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ConnectAddon.Tenants.SharedSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);
    public string Unprotect(string stored) => protector.Unprotect(stored);
}
