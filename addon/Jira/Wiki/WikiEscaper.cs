using System.Text;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Writes text so that wiki reads it back as the same characters. "Text formatting notation help" (Misc) escapes a
/// special character with a backslash (<c>\*</c>); a backslash that would itself escape or break a line is written
/// as the HTML entity <c>&amp;#92;</c>, which the renderer shows as a backslash. Every rule here mirrors a rule of
/// <see cref="WikiInlineScanner"/> or <see cref="WikiBlockParser"/>: a character is escaped exactly when the reader
/// could take it for markup (a little more where the neighbour is not known), so ordinary prose stays unescaped.
/// </summary>
internal static partial class WikiEscaper
{
    public const string BackslashEntity = "&#92;";

    /// <summary>The characters a backslash escapes: ASCII punctuation and symbols.</summary>
    public static bool IsEscapable(char c) => c is >= '!' and <= '~' && !char.IsLetterOrDigit(c);

    /// <summary>Where <paramref name="token"/> next occurs not preceded by an escaping backslash, or -1.</summary>
    public static int FindUnescaped(string text, string token, int from, int limit = -1)
    {
        var end = limit < 0 ? text.Length : limit;
        for (var i = text.IndexOf(token, from, StringComparison.Ordinal); i >= 0 && i + token.Length <= end;
             i = text.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var slashes = 0;
            while (i - slashes - 1 >= from && text[i - slashes - 1] == '\\')
                slashes++;
            if (slashes % 2 == 0)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Where <paramref name="c"/> next occurs outside escapes and <c>{{…}}</c> spans (whose text is literal), before
    /// <paramref name="limit"/>, or -1: a bar or bracket inside monospace does not end a link.
    /// </summary>
    public static int FindOutsideMonospace(string text, char c, int from, int limit)
    {
        for (var i = from; i < limit; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == '{' && i + 1 < limit && text[i + 1] == '{' && MonospaceEnd(text, i + 2, limit) is var end and >= 0)
                i = end + 1;
            else if (text[i] == c)
                return i;
        }
        return -1;
    }

    /// <summary>Where the <c>}}</c> closing monospace that starts at <paramref name="from"/> is, or -1.</summary>
    public static int MonospaceEnd(string text, int from, int limit)
    {
        for (var i = from; i + 1 < limit; i++)
        {
            if (text[i] == '\n')
                return -1;
            if (text[i] == '\\' && text[i + 1] == '}')
                i++;
            else if (text[i] == '}' && text[i + 1] == '}')
                return i;
        }
        return -1;
    }

    /// <summary>
    /// The wiki for plain text between <paramref name="before"/> and <paramref name="after"/> (the characters the
    /// reader will see either side; null at the start or end of a line). Worked right to left, because whether a
    /// marker opens depends on the character written after it.
    /// </summary>
    /// <param name="closable">Effects open around this text, whose marker in the text would close them.</param>
    /// <param name="inLinkText">Inside <c>[…|url]</c>, where <c>]</c> would end the link.</param>
    public static string Text(string text, char? before, char? after, ISet<char> closable, bool inLinkText)
    {
        var pieces = new string[text.Length];
        char? next = after;
        for (var p = text.Length - 1; p >= 0; p--)
        {
            var c = text[p];
            char? prev = p > 0 ? text[p - 1] : before;
            var escape = c switch
            {
                _ when WikiMarker.IsMarker(c) => WikiMarker.CanOpen(c, prev, next) || (closable.Contains(c) && WikiMarker.CanClose(c, prev, next)),
                '{' or '[' or '|' => true,
                ']' => inLinkText,
                '!' => next is { } n && !char.IsWhiteSpace(n),
                '&' => string.CompareOrdinal(text, p, BackslashEntity, 0, BackslashEntity.Length) == 0,
                ':' when IsUrlScheme(text, p) => true,
                ':' or ';' or '(' => (prev is not { } b || !char.IsLetterOrDigit(b)) && WikiEmoticons.Match(text, p) > 0,
                _ => false,
            };
            pieces[p] = c == '\\'
                ? (next is { } n2 && (n2 is '\\' or '\n' || IsEscapable(n2)) ? BackslashEntity : "\\")
                : escape ? "\\" + c : c.ToString();
            next = pieces[p][0];
        }
        return string.Concat(pieces);
    }

    /// <summary>Text inside <c>{{…}}</c>, which is literal except that <c>\}</c> keeps a brace from ending it.</summary>
    public static string Monospace(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c == '}' && (i + 1 == text.Length || text[i + 1] == '}' || (i > 0 && text[i - 1] == '\\'));
            sb.Append(escape ? "\\}" : c.ToString());
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escapes what would start a block at the start of a line of a paragraph: <c>h1.</c>, <c>bq.</c>, list markers,
    /// the <c>----</c> rule ("Text formatting notation help": Headings, Text Effects, Lists, Text Breaks).
    /// </summary>
    public static string LineStarts(string wiki)
    {
        if (!wiki.Contains('\n') && !BlockStart().IsMatch(wiki))
            return wiki;
        var lines = wiki.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (WordBlockStart().Match(line) is { Success: true } word)
                lines[i] = line[..(word.Length - 1)] + "\\." + line[word.Length..];
            else if (ListStart().IsMatch(line))
                lines[i] = "\\" + line;
            else if (line.Trim() == "----")
                lines[i] = line[..line.IndexOf('-')] + "\\" + line[line.IndexOf('-')..];
        }
        return string.Join('\n', lines);
    }

    private static bool IsUrlScheme(string text, int colon) =>
        string.CompareOrdinal(text, colon, "://", 0, 3) == 0
        && ((colon >= 4 && string.CompareOrdinal(text, colon - 4, "http", 0, 4) == 0) || (colon >= 5 && string.CompareOrdinal(text, colon - 5, "https", 0, 5) == 0));

    [GeneratedRegex(@"^(h[1-6]|bq)\.(?=\s|$)")]
    private static partial Regex WordBlockStart();

    [GeneratedRegex(@"^([*#]+|-)\s")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"^((h[1-6]|bq)\.(\s|$)|([*#]+|-)\s|\s*----\s*$)")]
    private static partial Regex BlockStart();
}
