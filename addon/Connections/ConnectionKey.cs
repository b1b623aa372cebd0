using System.Buffers.Text;
using System.Security.Cryptography;

namespace ConnectAddon.Connections;

/// <summary>
/// The key that signs a connection's exchanges, derived by both sides from what each already holds
/// (DESIGN §6): <c>base64url(HMAC-SHA256(key = invitation secret, message = accept nonce))</c>. No long-term
/// secret travels back to the private node; the public node stores the result encrypted (<see cref="ConnectionKeyProtector"/>).
/// </summary>
public static class ConnectionKey
{
    public const int SecretBytes = 32;
    public const int NonceBytes = 32;

    public static string Derive(ReadOnlySpan<byte> invitationSecret, ReadOnlySpan<byte> nonce)
    {
        if (invitationSecret.Length != SecretBytes)
            throw new ArgumentException($"An invitation secret has {SecretBytes} bytes.", nameof(invitationSecret));
        if (nonce.Length != NonceBytes)
            throw new ArgumentException($"An accept nonce has {NonceBytes} bytes.", nameof(nonce));
        return Base64Url.EncodeToString(HMACSHA256.HashData(invitationSecret, nonce));
    }
}
