using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ConnectAddon.Connections;

/// <summary>
/// A connection's id, the same on both sides: <c>con_</c> and 26 lowercase base32 characters (RFC 4648 alphabet) of
/// 16 random bytes. Random rather than sequential, so an id says nothing about how many connections a node holds.
/// </summary>
public static partial class ConnectionId
{
    public const string Prefix = "con_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New() => Prefix + Base32(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="text"/> has the shape of an id (not whether such a connection exists).</summary>
    public static bool IsWellFormed(string? text) => text is not null && Shape().IsMatch(text);

    internal static string Base32(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[(bytes.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, next = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[next++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0)
            chars[next] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars);
    }

    // \z, not $: $ would also match before a trailing line break.
    [GeneratedRegex(@"^con_[a-z2-7]{26}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
