using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// The block macros of "Text formatting notation help" (Advanced Formatting, Misc): <c>{code:language}</c>,
/// <c>{noformat}</c>, <c>{quote}</c> and <c>{panel:title=…}</c>, each up to its closing tag. An opening tag with no
/// closing tag is not read as a macro, so its text stays text.
/// </summary>
internal static partial class WikiMacro
{
    public sealed record Read(IReadOnlyList<JsonObject> Blocks, int End);

    /// <summary>
    /// <c>{code}</c> without a language is Java: "The default language is Java" ("Text formatting notation help",
    /// Advanced Formatting, code). A code block without a language is <c>{noformat}</c>.
    /// </summary>
    public const string DefaultCodeLanguage = "java";

    public static Read? TryRead(string wiki, int at)
    {
        if (wiki[at] != '{' || Opening().Match(wiki, at) is not { Success: true } open)
            return null;
        var name = open.Groups[1].Value;
        var closing = "{" + name + "}";
        var start = at + open.Length;
        var close = wiki.IndexOf(closing, start, StringComparison.Ordinal);
        if (close < 0)
            return null;
        var inner = wiki[start..close];
        var parameters = Parameters(open.Groups[2].Value);
        var blocks = name switch
        {
            "code" => Code(inner, parameters),
            "noformat" => [CodeBlock(inner, null)],
            "quote" => [Adf.Node("blockquote", AdfFit.Into("blockquote", WikiBlockParser.Parse(inner)))],
            _ => [Panel(inner, parameters)],
        };
        var end = close + closing.Length;
        var eol = wiki.IndexOf('\n', end);
        var rest = eol < 0 ? wiki[end..] : wiki[end..eol];
        return new Read(blocks, string.IsNullOrWhiteSpace(rest) ? (eol < 0 ? wiki.Length : eol + 1) : end);
    }

    private static List<JsonObject> Code(string inner, List<(string Key, string Value)> parameters)
    {
        var language = parameters.FirstOrDefault(p => p.Key is "" or "language").Value;
        var blocks = new List<JsonObject>();
        if (parameters.FirstOrDefault(p => p.Key == "title").Value is { Length: > 0 } title)
            blocks.Add(Adf.Paragraph(Adf.Text(title, [Adf.Mark("strong")])));
        blocks.Add(CodeBlock(inner, string.IsNullOrWhiteSpace(language) ? DefaultCodeLanguage : language.Trim()));
        return blocks;
    }

    /// <summary>The text between the tags, less the line break after the opening tag and before the closing one.</summary>
    private static JsonObject CodeBlock(string inner, string? language)
    {
        if (inner.StartsWith('\n'))
            inner = inner[1..];
        if (inner.EndsWith('\n'))
            inner = inner[..^1];
        var content = inner.Length == 0 ? new JsonArray() : new JsonArray(Adf.Text(inner));
        return Adf.Node("codeBlock", content, language is null ? null : new JsonObject { ["language"] = language });
    }

    private static JsonObject Panel(string inner, List<(string Key, string Value)> parameters)
    {
        var blocks = new List<JsonObject>();
        if (parameters.FirstOrDefault(p => p.Key == "title").Value is { Length: > 0 } title)
            blocks.Add(Adf.Paragraph(Adf.Text(title.Trim(), [Adf.Mark("strong")])));
        blocks.AddRange(WikiBlockParser.Parse(inner));
        var panelType = WikiPanels.Type(parameters.FirstOrDefault(p => p.Key == "bgColor").Value);
        return Adf.Node("panel", AdfFit.Into("panel", blocks), new JsonObject { ["panelType"] = panelType });
    }

    /// <summary>Macro parameters: <c>java</c>, or <c>key=value</c> pairs separated by <c>|</c>.</summary>
    private static List<(string Key, string Value)> Parameters(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(p => p.IndexOf('=') is var eq and >= 0
            ? (p[..eq].Trim(), p[(eq + 1)..])
            : ("", p))];

    [GeneratedRegex(@"\G\{(code|noformat|quote|panel)(?::([^}\n]*))?\}")]
    private static partial Regex Opening();
}
