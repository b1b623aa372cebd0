using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;
using ConnectAddon.Sync.Model;
using JiraSim.Adf;

namespace ConnectAddon.Tests.Sync.Model;

/// <summary>
/// Sync/README.md "Rich content on the way back": the partner's edit of a description that came from here keeps, in
/// every block the partner did not change, what this side had (mentions, media, panels), whatever the partner's Jira
/// could hold of it; only changed and new blocks take the partner's version.
/// </summary>
public sealed class BlockMergeTests
{
    private static JsonObject Doc(params JsonNode[] blocks) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(blocks) };

    private static JsonObject Paragraph(params JsonNode[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Mention(string id, string name) => new() { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = id, ["text"] = "@" + name } };

    private static JsonObject Image(string name) => new()
    {
        ["type"] = "mediaSingle",
        ["attrs"] = new JsonObject { ["layout"] = "center" },
        ["content"] = new JsonArray(new JsonObject
        {
            ["type"] = "media",
            ["attrs"] = new JsonObject { ["type"] = "file", ["id"] = "6e7c7f2c-dd7a-499c-bceb-6f32bfbf30b5", ["collection"] = "jira-10001", ["alt"] = name },
        }),
    };

    private static JsonObject Expand(string title, string text) => new()
    {
        ["type"] = "expand", ["attrs"] = new JsonObject { ["title"] = title }, ["content"] = new JsonArray(Paragraph(Text(text))),
    };

    /// <summary>A Cloud description of the kind that lost everything before: three mentions and an embedded image.</summary>
    private static JsonObject Home() => Doc(
        Paragraph(Text("Escalated by "), Mention("557058:ada", "Ada Admin"), Text(" to "), Mention("557058:bob", "Bob Builder"), Text(".")),
        Image("diagram.png"),
        Paragraph(Text("Owner: "), Mention("557058:cy", "Cy Owner")),
        Expand("Logs", "stack trace here"));

    private static JsonArray Blocks(JsonNode? doc) => doc!["content"]!.AsArray();

    /// <summary>What the partner holds: the flattened copy, through Jira Data Center's wiki markup when it is one.</summary>
    private static JsonObject AtPartner(JsonObject home, bool dataCenter)
    {
        var sent = (JsonObject)PeerAdf.Prepare(home)!;
        return dataCenter ? WikiMarkup.ToAdf(WikiMarkup.ToWiki(sent)) : sent;
    }

    private static JsonObject Appended(JsonObject partner, JsonNode block)
    {
        var copy = (JsonObject)partner.DeepClone();
        copy["content"]!.AsArray().Add(block);
        return (JsonObject)PeerAdf.Prepare(copy)!;
    }

    [TestCase(false, TestName = "PartnerAppendsAParagraph_EveryOtherBlockComesBackAsItWasHere(Cloud partner)")]
    [TestCase(true, TestName = "PartnerAppendsAParagraph_EveryOtherBlockComesBackAsItWasHere(Data Center partner)")]
    public void PartnerAppendsAParagraph_EveryOtherBlockComesBackAsItWasHere(bool dataCenter)
    {
        var home = Home();
        var added = Paragraph(Text("Fixed in build 512."));
        var back = Appended(AtPartner(home, dataCenter), added);

        var merged = BlockMerge.Merge(home, back)!;

        var expected = Doc([.. Blocks(home).Select(b => b!.DeepClone()), added.DeepClone()]);
        Assert.That(JsonNode.DeepEquals(merged, expected), Is.True, merged.ToJsonString());
        Assert.That(AdfValidator.Validate(merged), Is.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void PartnerChangesOneBlock_ThatBlockTakesTheirVersion_TheOthersStayOurs(bool dataCenter)
    {
        var home = Home();
        var partner = AtPartner(home, dataCenter);
        partner["content"]![2] = Paragraph(Text("Owner: Dana from Globex"));

        var merged = BlockMerge.Merge(home, PeerAdf.Prepare(partner))!;

        Assert.That(JsonNode.DeepEquals(Blocks(merged)[0], Blocks(home)[0]), Is.True, "the mentions of the first block stay");
        Assert.That(JsonNode.DeepEquals(Blocks(merged)[1], Blocks(home)[1]), Is.True, "the image stays");
        Assert.That(Blocks(merged)[2]!.ToJsonString(), Does.Contain("Dana from Globex").And.Not.Contain("mention"));
        Assert.That(JsonNode.DeepEquals(Blocks(merged)[3], Blocks(home)[3]), Is.True, "the expand stays, though wiki markup has none");
    }

    [Test]
    public void PartnerRemovesABlock_ItIsGone_AndTheRestKeepTheirRichContent()
    {
        var home = Home();
        var partner = AtPartner(home, dataCenter: true);
        partner["content"]!.AsArray().RemoveAt(1);

        var merged = BlockMerge.Merge(home, PeerAdf.Prepare(partner))!;

        Assert.That(Blocks(merged), Has.Count.EqualTo(3));
        Assert.That(merged.ToJsonString(), Does.Not.Contain("mediaSingle"));
        Assert.That(JsonNode.DeepEquals(Blocks(merged)[0], Blocks(home)[0]), Is.True);
    }

    [Test]
    public void PartnerMovesABlock_TheirOrderIsKept()
    {
        var home = Doc(Paragraph(Text("one ")!, Mention("557058:ada", "Ada Admin")), Paragraph(Text("two")), Paragraph(Text("three")));
        var partner = AtPartner(home, dataCenter: false);
        var first = partner["content"]![0]!.DeepClone();
        partner["content"]!.AsArray().RemoveAt(0);
        partner["content"]!.AsArray().Add(first);

        var merged = BlockMerge.Merge(home, partner)!;

        Assert.That(Blocks(merged).Select(b => WikiMarkup.ToWiki(Doc(PeerAdf.Prepare(Doc(b!.DeepClone()))!["content"]![0]!.DeepClone()))),
            Is.EqualTo(new[] { "two", "three", "one Ada Admin" }));
        // Two blocks kept their place relative to each other and are ours; the moved one is the partner's flattened copy.
        Assert.That(JsonNode.DeepEquals(Blocks(merged)[0], Blocks(home)[1]), Is.True);
    }

    [Test]
    public void NothingHere_OrNothingInCommon_TakesThePartnersVersionWhole()
    {
        var theirs = Doc(Paragraph(Text("All new")));

        Assert.That(JsonNode.DeepEquals(BlockMerge.Merge(null, theirs), theirs), Is.True);
        Assert.That(JsonNode.DeepEquals(BlockMerge.Merge(Home(), theirs), theirs), Is.True);
        Assert.That(BlockMerge.Merge(Home(), null), Is.Null, "a description the partner emptied stays empty");
    }

    [Test]
    public void RepeatedBlocks_AreMatchedOnceEach()
    {
        var home = Doc(Paragraph(Text("same")), Paragraph(Text("x "), Mention("557058:ada", "Ada Admin")), Paragraph(Text("same")));
        var partner = AtPartner(home, dataCenter: true);

        var merged = BlockMerge.Merge(home, partner)!;

        Assert.That(JsonNode.DeepEquals(merged, home), Is.True, merged.ToJsonString());
    }
}
