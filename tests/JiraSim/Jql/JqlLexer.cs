using System.Globalization;
using System.Text;

namespace JiraSim.Jql;

/// <summary>
/// Splits JQL into tokens. Words run until whitespace or a character JQL gives a meaning to; strings are quoted
/// with " or ' and take backslash escapes ("JQL: reserved characters": quote or escape them to use them in values).
/// </summary>
internal static class JqlLexer
{
    private const string Delimiters = "()=,!<>~\"'&|";

    public static List<JqlToken> Tokenize(string text)
    {
        var tokens = new List<JqlToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
                i++;
            if (i >= text.Length)
            {
                tokens.Add(new(JqlTokenKind.End, "", text.Length));
                return tokens;
            }
            var start = i;
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            (JqlTokenKind Kind, int Length)? symbol = c switch
            {
                '(' => (JqlTokenKind.OpenParen, 1),
                ')' => (JqlTokenKind.CloseParen, 1),
                ',' => (JqlTokenKind.Comma, 1),
                '=' or '~' => (JqlTokenKind.Operator, 1),
                '<' or '>' => (JqlTokenKind.Operator, next == '=' ? 2 : 1),
                '!' => next is '=' or '~' ? (JqlTokenKind.Operator, 2) : (JqlTokenKind.Not, 1),
                '&' => (JqlTokenKind.And, next == '&' ? 2 : 1),
                '|' => (JqlTokenKind.Or, next == '|' ? 2 : 1),
                _ => null,
            };
            if (symbol is { } s)
            {
                tokens.Add(new(s.Kind, text.Substring(start, s.Length), start));
                i += s.Length;
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(new(JqlTokenKind.String, ReadString(text, ref i), start));
            }
            else
            {
                var word = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && !Delimiters.Contains(text[i]))
                    word.Append(text[i] == '\\' ? Escape(text, ref i) : text[i++]);
                tokens.Add(new(JqlTokenKind.Word, word.ToString(), start));
            }
        }
    }

    private static string ReadString(string text, ref int i)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
            value.Append(text[i] == '\\' ? Escape(text, ref i) : text[i++]);
        if (i >= text.Length)
            throw new JqlSyntaxException(start, $"The quoted string {text[start..]} has not been completed.");
        i++;
        return value.ToString();
    }

    /// <summary>Reads the escape at <paramref name="i"/> (a backslash): \" \' \\ \t \n \r \uXXXX, or a backslash before a reserved character or space.</summary>
    private static char Escape(string text, ref int i)
    {
        var start = i;
        var c = i + 1 < text.Length ? text[i + 1] : '\0';
        i += 2;
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'u' when i + 4 <= text.Length && ushort.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                i += 4;
                return (char)code;
            case '\\' or '"' or '\'' or ' ':
            case var reserved when Delimiters.Contains(reserved):
                return c;
            default:
                throw new JqlSyntaxException(start, $"Illegal escape sequence '\\{(c == '\0' ? "" : c.ToString())}'.");
        }
    }
}
