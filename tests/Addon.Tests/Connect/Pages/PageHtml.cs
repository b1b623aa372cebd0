using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConnectAddon.Tests.Connect.Pages;

/// <summary>Reads what the server put into a page for its script.</summary>
public static partial class PageHtml
{
    /// <summary>The JSON of <c>&lt;script type="application/json" id="config"&gt;</c>, parsed as the page's script parses it.</summary>
    public static JsonDocument Config(string html)
    {
        var match = ConfigScript().Match(html);
        Assert.That(match.Success, Is.True, "the page carries its config: " + html);
        return JsonDocument.Parse(match.Groups[1].Value);
    }

    [GeneratedRegex("""<script type="application/json" id="config">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ConfigScript();
}
