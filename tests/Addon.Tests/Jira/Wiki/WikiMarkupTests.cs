using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;
using JiraSim.Adf;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>
/// The case tables, each case four ways: wiki reads as the expected ADF; that ADF is valid against Atlassian's
/// schema; the ADF survives wiki (<c>Normalise(ToAdf(ToWiki(adf))) == Normalise(adf)</c>); and it is written in the
/// canonical wiki spelling, which reads back and writes again unchanged.
/// </summary>
public sealed class WikiMarkupTests
{
    public static IEnumerable<TestCaseData> All() =>
        WikiCases.Inline().Concat(WikiCases.Blocks()).Concat(WikiCases.Lists()).Concat(WikiCases.Tables())
            .Concat(WikiCases.Media()).Concat(WikiCases.Broken()).Concat(WikiCases.Peer());

    [TestCaseSource(nameof(All))]
    public void Wiki_reads_as_the_expected_ADF(WikiCase c) =>
        AssertSame(WikiMarkup.ToAdf(c.Wiki), WikiMarkup.Normalise(c.Adf), c.Wiki);

    [TestCaseSource(nameof(All))]
    public void What_wiki_reads_as_is_valid_ADF(WikiCase c) =>
        Assert.That(AdfValidator.Validate(WikiMarkup.ToAdf(c.Wiki)), Is.Null, WikiMarkup.ToAdf(c.Wiki).ToJsonString());

    [TestCaseSource(nameof(All))]
    public void The_ADF_survives_a_trip_through_wiki(WikiCase c)
    {
        var wiki = WikiMarkup.ToWiki(c.Adf);
        AssertSame(WikiMarkup.Normalise(WikiMarkup.ToAdf(wiki)), WikiMarkup.Normalise(c.Adf), wiki);
    }

    [TestCaseSource(nameof(All))]
    public void The_ADF_is_written_in_the_canonical_spelling_which_reads_back_unchanged(WikiCase c)
    {
        Assert.That(WikiMarkup.ToWiki(c.Adf), Is.EqualTo(c.WrittenWiki));
        Assert.That(WikiMarkup.ToWiki(WikiMarkup.ToAdf(c.WrittenWiki)), Is.EqualTo(c.WrittenWiki));
    }

    private static void AssertSame(JsonNode actual, JsonNode expected, string wiki) =>
        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True,
            $"wiki:\n{wiki}\nexpected:\n{expected.ToJsonString()}\nactual:\n{actual.ToJsonString()}");
}
