using ConnectAddon.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// Encrypts a pending connection's invitation code at rest, so that "Copy invitation code" works again while the
/// invitation is valid. Accepting never reads it: the secret a partner presents is checked against its hash.
/// </summary>
public sealed class InvitationCodeProtector(IDataProtectionProvider provider) : AtRestProtector(provider, "ConnectAddon.Connections.InvitationCode.v1");
