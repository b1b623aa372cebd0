using System.Buffers.Text;

namespace ConnectAddon.Connections.Invitations;

/// <summary>
/// Strict base64url (RFC 4648 §5, no padding) for codes, secrets and nonces. Only the canonical spelling of some
/// bytes is accepted: base64 leaves a few low bits of the last character unused, and a decoder that ignored them
/// would take a changed character for the same value (a tampered code that still "works").
/// </summary>
internal static class Base64UrlText
{
    public static byte[]? TryDecode(string? text, int? exactLength = null, int maxLength = 8192)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength || !Base64Url.IsValid(text) || text.Contains('='))
            return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
        if (exactLength is { } length && bytes.Length != length)
            return null;
        return Base64Url.EncodeToString(bytes) == text ? bytes : null;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
