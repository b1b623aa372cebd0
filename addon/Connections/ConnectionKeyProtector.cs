using ConnectAddon.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connections;

/// <summary>Encrypts connection keys at rest.</summary>
public sealed class ConnectionKeyProtector(IDataProtectionProvider provider) : AtRestProtector(provider, "ConnectAddon.Connections.ConnectionKey.v1");
