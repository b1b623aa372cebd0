using Microsoft.AspNetCore.DataProtection;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// Encrypts a pending connection's invitation code at rest, as connection keys are (DESIGN §8), so that "Copy
/// invitation code" works again while the invitation is valid. Accepting never reads it: the secret a partner presents
/// is checked against its hash.
/// </summary>
public sealed class InvitationCodeProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("ConnectAddon.Connections.InvitationCode.v1");

    public string Protect(string code) => protector.Protect(code);
    public string Unprotect(string stored) => protector.Unprotect(stored);
}
