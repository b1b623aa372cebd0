using System.Security.Cryptography;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// The 256-bit random secret of an invitation code: the credential that lets a private node accept it. The public
/// node keeps only its SHA-256 (<see cref="Hash"/>) and compares hashes in constant time. Never logged or printed.
/// </summary>
public sealed class InvitationSecret
{
    private readonly byte[] bytes;

    private InvitationSecret(byte[] bytes) => this.bytes = bytes;

    public static InvitationSecret New() => new(RandomNumberGenerator.GetBytes(ConnectionKey.SecretBytes));

    /// <summary>The secret from its base64url text, or null unless that is exactly 32 bytes, canonically spelled.</summary>
    public static InvitationSecret? FromText(string? text) =>
        Base64UrlText.TryDecode(text, ConnectionKey.SecretBytes) is { } decoded ? new InvitationSecret(decoded) : null;

    public ReadOnlySpan<byte> Bytes => bytes;

    public string ToText() => Base64UrlText.Encode(bytes);

    /// <summary>Lowercase hex SHA-256 of the secret's bytes, as <c>invitations.secret_hash</c> stores it.</summary>
    public string Hash() => HashOf(bytes);

    public bool MatchesHash(string storedHash) => FixedTimeEqualsHex(Hash(), storedHash);

    /// <summary>Lowercase hex SHA-256 of some bytes (the secret's, an accept nonce's).</summary>
    public static string HashOf(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Compares two hex hashes without revealing, through timing, how much of them agrees.</summary>
    public static bool FixedTimeEqualsHex(string hexA, string? hexB)
    {
        if (hexB is null || hexA.Length != hexB.Length)
            return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hexA), Convert.FromHexString(hexB));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public override string ToString() => "InvitationSecret(redacted)";
}
