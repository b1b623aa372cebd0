using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace ConnectAddon.Connect.Pages;

/// <summary>
/// A page's HTML from the web root, read on first use, with its <c>{{placeholders}}</c> filled in one pass (so a
/// value that happens to contain "{{…}}" is never filled in again). Null when the file is missing: a node started
/// without its web root still starts, and the page says what is missing.
/// </summary>
public sealed partial class PageTemplate(IFileProvider webRoot, string path)
{
    private string? template;

    public string Path => path;

    public string? Fill(IReadOnlyDictionary<string, string> values)
    {
        if (Read() is not { } page)
            return null;
        return Placeholder().Replace(page, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
    }

    private string? Read()
    {
        if (template is not null)
            return template;
        var file = webRoot.GetFileInfo(path);
        if (!file.Exists)
            return null;
        using var reader = new StreamReader(file.CreateReadStream());
        return template = reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Placeholder();
}
