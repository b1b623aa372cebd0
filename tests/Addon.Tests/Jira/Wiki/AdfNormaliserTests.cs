using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;
using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>The normal form's rules (see <see cref="AdfNormaliser"/>), each on the smallest document that shows it.</summary>
public sealed class AdfNormaliserTests
{
    private static void AssertNormal(JsonObject adf, JsonObject expected) =>
        Assert.That(JsonNode.DeepEquals(WikiMarkup.Normalise(adf), expected), Is.True, WikiMarkup.Normalise(adf).ToJsonString());

    [Test]
    public void Neighbouring_text_with_the_same_marks_is_one_node() =>
        AssertNormal(Doc(P(T("Hello ", Strong), T("world", Strong), "!")), Doc(P(T("Hello world", Strong), "!")));

    [Test]
    public void Marks_are_sorted_by_type_and_an_empty_marks_array_is_dropped()
    {
        var empty = T("plain");
        empty["marks"] = new JsonArray();
        AssertNormal(Doc(P(T("x", Strong, Em, Colour("#FF0000")), " ", empty)), Doc(P(T("x", Em, Strong, Colour("#ff0000")), " plain")));
    }

    [Test]
    public void Empty_text_is_dropped_and_a_newline_in_text_is_a_hard_break() =>
        AssertNormal(Doc(P(T(""), "one\ntwo")), Doc(P("one", Br, "two")));

    [Test]
    public void Whitespace_at_the_edges_of_a_paragraph_is_dropped_but_not_inside() =>
        AssertNormal(Doc(P("  lead", Br, " keep ", Br, "trail  ")), Doc(P("lead", Br, " keep ", Br, "trail")));

    [Test]
    public void Empty_paragraphs_are_dropped_except_where_a_paragraph_must_be() =>
        AssertNormal(
            Doc(P(), P(" "), Bullet(Node("listItem", new JsonArray(P(), P(), Bullet(Li("x"))))), Table(Row(Node("tableCell", new JsonArray(P(), P()))))),
            Doc(Bullet(Node("listItem", new JsonArray(P(), Bullet(Li("x"))))), Table(Row(Td()))));

    [Test]
    public void A_list_item_starting_with_a_list_gets_an_empty_paragraph_first() =>
        AssertNormal(Doc(Bullet(Node("listItem", new JsonArray(Bullet(Li("inner")))))), Doc(Bullet(Li(Bullet(Li("inner"))))));

    [Test]
    public void Local_ids_and_the_default_list_start_are_dropped_but_another_start_is_kept()
    {
        var first = Ordered(Li("a"));
        first["attrs"] = new JsonObject { ["order"] = 1, ["localId"] = "abc" };
        var third = Ordered(Li("c"));
        third["attrs"] = new JsonObject { ["order"] = 3 };
        AssertNormal(Doc(first, third), Doc(Ordered(Li("a")), Node("orderedList", new JsonArray(Li("c")), new JsonObject { ["order"] = 3 })));
    }

    [Test]
    public void Code_text_keeps_only_its_code_and_link_marks() =>
        AssertNormal(Doc(P(T("x", Strong, Code, Link("https://e.com")))), Doc(P(T("x", Code, Link("https://e.com")))));

    [Test]
    public void A_code_block_is_one_text_node() =>
        AssertNormal(Doc(Node("codeBlock", new JsonArray(T("a\n"), T("b")))), Doc(CodeBlock(null, "a\nb")));

    [Test]
    public void A_node_that_is_not_a_document_is_wrapped_in_one() =>
        AssertNormal(P("loose"), Doc(P("loose")));

    [Test]
    public void The_normal_form_of_a_normal_form_is_itself([Range(1, 20)] int seed)
    {
        var once = WikiMarkup.Normalise(new RandomAdf(seed).Doc());
        Assert.That(JsonNode.DeepEquals(WikiMarkup.Normalise(once), once), Is.True);
    }
}
