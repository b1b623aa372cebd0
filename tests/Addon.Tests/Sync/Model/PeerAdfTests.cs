using System.Text.Json.Nodes;
using ConnectAddon.Sync.Model;
using JiraSim.Adf;

namespace ConnectAddon.Tests.Sync.Model;

/// <summary>DESIGN §7 "Rich text": what crosses to the other site names no account and no file of this site, and is valid ADF.</summary>
public sealed class PeerAdfTests
{
    private static JsonObject Doc(params JsonNode[] blocks) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(blocks) };

    private static JsonObject Paragraph(params JsonNode[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    private static JsonObject Media(string alt) => new()
    {
        ["type"] = "media",
        ["attrs"] = new JsonObject { ["type"] = "file", ["id"] = "6e7c7f2c-dd7a-499c-bceb-6f32bfbf30b5", ["collection"] = "jira-10001", ["alt"] = alt },
    };

    [Test]
    public void Mention_BecomesThePersonsNameAsPlainText_WithoutTheirAccount()
    {
        var mention = new JsonObject { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = "557058:secret-account", ["text"] = "@Ada Admin" } };
        var prepared = PeerAdf.Prepare(Doc(Paragraph(Text("Ask "), mention, Text(" please"))))!;

        Assert.Multiple(() =>
        {
            Assert.That(prepared.ToJsonString(), Does.Not.Contain("557058:secret-account"));
            Assert.That(prepared.ToJsonString(), Does.Not.Contain("\"mention\""));
            Assert.That(prepared["content"]![0]!["content"]![1]!["text"]!.GetValue<string>(), Is.EqualTo("Ada Admin"));
            Assert.That(AdfValidator.Validate(prepared), Is.Null);
        });
    }

    [Test]
    public void BlockMedia_BecomeAParagraphNamingTheAttachment_AndStayValid()
    {
        var single = new JsonObject { ["type"] = "mediaSingle", ["attrs"] = new JsonObject { ["layout"] = "center" }, ["content"] = new JsonArray(Media("screen.png")) };
        var group = new JsonObject { ["type"] = "mediaGroup", ["content"] = new JsonArray(Media("a.log"), Media("b.log")) };
        var source = Doc(Paragraph(Text("See")), single, group);
        Assert.That(AdfValidator.Validate(source), Is.Null, "the source is valid ADF to begin with");

        var prepared = PeerAdf.Prepare(source)!;
        var text = prepared.ToJsonString();
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("jira-10001"), "no reference to this site's media collection");
            Assert.That(text, Does.Contain("[attachment: screen.png]"));
            Assert.That(text, Does.Contain("[attachment: a.log, b.log]"));
            Assert.That(AdfValidator.Validate(prepared), Is.Null);
        });
    }

    [Test]
    public void NestedMentionInAListItem_IsRewrittenToo_AndTheSourceIsLeftAlone()
    {
        var mention = new JsonObject { ["type"] = "mention", ["attrs"] = new JsonObject { ["id"] = "acc-1", ["text"] = "@Uma" } };
        var list = new JsonObject
        {
            ["type"] = "bulletList",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "listItem", ["content"] = new JsonArray(Paragraph(mention)) }),
        };
        var source = Doc(list);
        var prepared = PeerAdf.Prepare(source)!;

        Assert.Multiple(() =>
        {
            Assert.That(prepared.ToJsonString(), Does.Not.Contain("acc-1"));
            Assert.That(source.ToJsonString(), Does.Contain("acc-1"), "the issue's own document is not changed");
            Assert.That(AdfValidator.Validate(prepared), Is.Null);
        });
    }

    [Test]
    public void CommentCopy_ShowsWhoWroteItAndWhen_ThenTheComment_AsValidAdf()
    {
        var comment = new ReplicaComment("10100", "Ada Admin", new DateTimeOffset(2026, 11, 27, 10, 5, 0, TimeSpan.FromHours(1)), null, Doc(Paragraph(Text("It works"))));
        var copy = PeerAdf.CommentCopy(comment);

        Assert.Multiple(() =>
        {
            Assert.That(copy["content"]![0]!.ToJsonString(), Does.Contain("Ada Admin").And.Contain("wrote on 27 Nov 2026 09:05 UTC"));
            Assert.That(copy["content"]![1]!.ToJsonString(), Does.Contain("It works"));
            Assert.That(AdfValidator.Validate(copy), Is.Null);
        });
    }
}
