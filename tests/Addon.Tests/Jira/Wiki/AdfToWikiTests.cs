using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;
using JiraSim.Adf;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>ADF nodes wiki cannot express become readable wiki text, which reads back as valid ADF.</summary>
public sealed class AdfToWikiTests
{
    [TestCaseSource(typeof(WikiCases), nameof(WikiCases.AdfOnly))]
    public void Nodes_wiki_cannot_hold_become_readable_text(AdfToWikiCase c)
    {
        Assert.That(AdfValidator.Validate(c.Adf), Is.Null, "the case is valid ADF to begin with");
        Assert.That(WikiMarkup.ToWiki(c.Adf), Is.EqualTo(c.Wiki));
    }

    [TestCaseSource(typeof(WikiCases), nameof(WikiCases.AdfOnly))]
    public void Their_wiki_reads_back_as_valid_ADF(AdfToWikiCase c) =>
        Assert.That(AdfValidator.Validate(WikiMarkup.ToAdf(WikiMarkup.ToWiki(c.Adf))), Is.Null);

    [Test]
    public void Malformed_ADF_is_written_as_far_as_it_goes()
    {
        var adf = JsonNode.Parse("""
            {"type":"doc","content":[null, 5, {"type":"paragraph","content":[{"type":"text","text":7},{"type":"text","text":"kept"},"x"]},
             {"type":"heading"}, {"type":"bulletList","content":[{"type":"listItem"}]}, {"type":"table","content":[{"type":"tableRow"}]},
             {"type":"mediaSingle"}, {"type":"mention"}]}
            """);
        var wiki = WikiMarkup.ToWiki(adf);
        Assert.That(wiki, Does.StartWith("kept"));
        Assert.That(AdfValidator.Validate(WikiMarkup.ToAdf(wiki)), Is.Null);
    }

    [Test]
    public void Null_ADF_is_empty_wiki() => Assert.That(WikiMarkup.ToWiki(null), Is.EqualTo(""));

    [Test]
    public void Null_wiki_is_an_empty_document() =>
        Assert.That(WikiMarkup.ToAdf(null).ToJsonString(), Is.EqualTo("""{"type":"doc","version":1,"content":[]}"""));
}
