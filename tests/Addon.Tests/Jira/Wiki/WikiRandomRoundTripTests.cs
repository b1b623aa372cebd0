using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;
using JiraSim.Adf;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>Random documents full of markup characters survive wiki, and every document read from wiki is valid ADF.</summary>
public sealed class WikiRandomRoundTripTests
{
    private static IEnumerable<int> Seeds() => Enumerable.Range(1, 60);

    [TestCaseSource(nameof(Seeds))]
    public void A_random_document_survives_a_trip_through_wiki(int seed)
    {
        var adf = new RandomAdf(seed).Doc();
        var wiki = WikiMarkup.ToWiki(adf);
        var back = WikiMarkup.ToAdf(wiki);
        Assert.That(AdfValidator.Validate(back), Is.Null, wiki);
        Assert.That(JsonNode.DeepEquals(back, WikiMarkup.Normalise(adf)), Is.True,
            $"wiki:\n{wiki}\nexpected:\n{WikiMarkup.Normalise(adf).ToJsonString()}\nactual:\n{back.ToJsonString()}");
    }

    /// <summary>Two documents' wiki run together and cut off at a random point, which leaves macros and effects unclosed.</summary>
    [TestCaseSource(nameof(Seeds))]
    public void Cut_off_wiki_reads_as_valid_ADF_that_writes_back_as_stable_wiki(int seed)
    {
        var whole = WikiMarkup.ToWiki(new RandomAdf(seed).Doc()) + "\n" + WikiMarkup.ToWiki(new RandomAdf(seed + 1000).Doc());
        var wiki = whole[..new Random(seed).Next(whole.Length + 1)];
        var adf = WikiMarkup.ToAdf(wiki);
        Assert.That(AdfValidator.Validate(adf), Is.Null, wiki);
        var written = WikiMarkup.ToWiki(adf);
        Assert.That(JsonNode.DeepEquals(WikiMarkup.ToAdf(written), adf), Is.True, $"wiki:\n{wiki}\nwritten:\n{written}");
    }
}
