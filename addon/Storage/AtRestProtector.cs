using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Storage;

/// <summary>
/// Encrypts one kind of secret at rest with ASP.NET Core Data Protection (DESIGN §8; keys kept beside the database),
/// under a purpose of its own, so that one kind's ciphertext never decrypts as another's.
/// </summary>
public abstract class AtRestProtector(IDataProtectionProvider provider, string purpose)
{
    private readonly IDataProtector protector = provider.CreateProtector(purpose);

    public string Protect(string secret) => protector.Protect(secret);
    public string Unprotect(string stored) => protector.Unprotect(stored);
}
