using System.Text.RegularExpressions;

namespace ConnectAddon.Transport.Attachments;

/// <summary>The headers that carry an attachment's description beside its bytes (Transport/README.md, "Attachment bytes").</summary>
public static partial class AttachmentHeaders
{
    /// <summary>Lowercase hex SHA-256 of the body, which the receiver checks once the last byte arrived.</summary>
    public const string Sha256 = "X-Content-SHA256";

    /// <summary>The file name, percent-encoded UTF-8 (header values are ASCII; file names are not).</summary>
    public const string FileName = "X-File-Name";

    public const int MaxFileNameLength = 255;

    public static bool IsSha256(string? text) => text is not null && Sha256Shape().IsMatch(text);

    public static string EncodeFileName(string fileName) => Uri.EscapeDataString(fileName);

    /// <summary>
    /// The file name a header carries, or why it is none: 1 to 255 characters once decoded, no path separators (a file
    /// name, never a path), no control characters, and no "." or "..".
    /// </summary>
    public static string? DecodeFileName(string? header, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(header))
        {
            problem = $"The {FileName} header is missing: send the file name, percent-encoded UTF-8.";
            return null;
        }
        var name = PercentDecode(header);
        if (name is null)
        {
            problem = $"The {FileName} header is not percent-encoded UTF-8.";
            return null;
        }
        if (name.Length is 0 or > MaxFileNameLength)
            problem = $"The file name in {FileName} is {name.Length} characters long once decoded; it must be 1 to {MaxFileNameLength}.";
        else if (name.IndexOfAny(['/', '\\']) >= 0)
            problem = $"The file name in {FileName} contains a path separator; send the file's name only.";
        else if (name.Any(char.IsControl))
            problem = $"The file name in {FileName} contains control characters.";
        else if (name is "." or "..")
            problem = $"'{name}' in {FileName} is not a file name.";
        return problem is null ? name : null;
    }

    // Strict, unlike Uri.UnescapeDataString, which leaves invalid sequences as they were: a name is exactly what was sent or refused.
    private static string? PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var b))
                    return null;
                bytes.Add(b);
                i += 2;
            }
            else if (c is > ' ' and < (char)127)
                bytes.Add((byte)c);
            else
                return null; // raw spaces, controls and non-ASCII: the sender did not encode
        }
        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex("^[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Shape();
}
