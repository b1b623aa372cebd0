using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connections;

/// <summary>Encrypts connection keys at rest (DESIGN §8) with Data Protection, whose keys live beside the database.</summary>
public sealed class ConnectionKeyProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ConnectAddon.Connections.ConnectionKey.v1");

    public string Protect(string connectionKey) => protector.Protect(connectionKey);
    public string Unprotect(string stored) => protector.Unprotect(stored);
}
