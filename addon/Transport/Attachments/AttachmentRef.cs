using System.Text.RegularExpressions;

namespace ConnectAddon.Transport.Attachments;

/// <summary>
/// What names an attachment within a connection on the wire: 1 to 200 unreserved URL characters (letters, digits,
/// '-', '.', '_', '~'), starting with a letter or digit. So a ref stands in the path exactly as written (no
/// percent-encoding that a proxy or the qsh could canonicalise differently), and can never be "." or "..".
/// </summary>
public static partial class AttachmentRef
{
    public const int MaxLength = 200;

    public static bool IsWellFormed(string? reference) => reference is not null && Shape().IsMatch(reference);

    public static void ThrowIfMalformed(string reference, string parameter)
    {
        if (!IsWellFormed(reference))
            throw new ArgumentException(
                $"'{reference}' is no attachment ref: use 1 to {MaxLength} letters, digits, '-', '.', '_' or '~', starting with a letter or digit.", parameter);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
