using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>A 200 KB description converts both ways in one pass, whole.</summary>
public sealed class WikiLargeDocumentTests
{
    private static string LargeDescription(out int sections)
    {
        var sb = new StringBuilder();
        for (sections = 0; sb.Length < 200_000; sections++)
        {
            var i = sections;
            sb.Append("h2. Section ").Append(i).Append("\n\n");
            sb.Append("The *importer* fails on _row ").Append(i).Append("_ with {{NullPointerException}}, see [log|https://logs.example.com/").Append(i).Append("] (x)\n");
            sb.Append("Second line of the paragraph [~jsmith] 2*3*4 \\[not a link]\n\n");
            sb.Append("* step one\n** detail ").Append(i).Append("\n\n# numbered\n\n");
            sb.Append("||Key||Value||\n|id|").Append(i).Append("|\n\n");
            sb.Append("{code:java}\nthrow new IllegalStateException(\"").Append(i).Append("\");\n{code}\n\n");
        }
        return sb.ToString();
    }

    [Test]
    public void A_200_KB_description_converts_whole_both_ways()
    {
        var wiki = LargeDescription(out var sections);
        var adf = WikiMarkup.ToAdf(wiki);
        var back = WikiMarkup.ToWiki(adf);

        var blocks = (JsonArray)adf["content"]!;
        Assert.Multiple(() =>
        {
            Assert.That(wiki.Length, Is.GreaterThanOrEqualTo(200_000));
            Assert.That(blocks, Has.Count.EqualTo(6 * sections), "each section is a heading, a paragraph, a bullet and a numbered list, a table and a code block");
            Assert.That(blocks.Count(b => (string?)b!["type"] == "heading"), Is.EqualTo(sections));
            Assert.That(blocks.Count(b => (string?)b!["type"] == "codeBlock"), Is.EqualTo(sections));
            Assert.That(back, Is.EqualTo(wiki.TrimEnd('\n')), "the canonical markup comes back unchanged");
            Assert.That(JsonNode.DeepEquals(WikiMarkup.ToAdf(back), adf), Is.True);
        });
    }
}
