using System.Text.Json.Nodes;
using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>ADF that wiki has no markup for: it becomes readable text, never nothing.</summary>
public static partial class WikiCases
{
    public static IEnumerable<TestCaseData> AdfOnly() => new AdfToWikiCase[]
    {
        new("Status lozenge becomes its text",
            Doc(P("Build is ", Node("status", null, new() { ["text"] = "IN PROGRESS", ["color"] = "blue" }))),
            "Build is IN PROGRESS"),
        new("Date becomes its ISO date",
            Doc(P("Due ", Node("date", null, new() { ["timestamp"] = "1717200000000" }))),
            "Due 2024-06-01"),
        new("Inline smart link becomes its URL",
            Doc(P("Spec: ", Node("inlineCard", null, new() { ["url"] = "https://docs.example.com/spec" }))),
            "Spec: https://docs.example.com/spec"),
        new("Block smart link becomes its URL",
            Doc(Node("blockCard", null, new() { ["url"] = "https://docs.example.com/design" })),
            "https://docs.example.com/design"),
        new("Expand becomes its bold title and its content",
            Doc(Node("expand", new JsonArray(P("stack trace here")), new() { ["title"] = "Full log" })),
            "*Full log*\n\nstack trace here"),
        new("Task list becomes boxes ticked or not",
            Doc(Node("taskList", new JsonArray(
                Node("taskItem", new JsonArray(T("Update docs")), new() { ["localId"] = "t1", ["state"] = "TODO" }),
                Node("taskItem", new JsonArray(T("Tag release")), new() { ["localId"] = "t2", ["state"] = "DONE" })), new() { ["localId"] = "l1" })),
            "[ ] Update docs\n[x] Tag release"),
        new("Decision becomes a line saying so",
            Doc(Node("decisionList", new JsonArray(
                Node("decisionItem", new JsonArray(T("Ship on Friday")), new() { ["localId"] = "d1", ["state"] = "DECIDED" })), new() { ["localId"] = "l2" })),
            "Decision: Ship on Friday"),
        new("Layout columns become their blocks one after another",
            Doc(Node("layoutSection", new JsonArray(
                Node("layoutColumn", new JsonArray(P("Left side")), new() { ["width"] = 50 }),
                Node("layoutColumn", new JsonArray(P("Right side")), new() { ["width"] = 50 })))),
            "Left side\n\nRight side"),
        new("Extension becomes its key",
            Doc(Node("extension", null, new() { ["extensionType"] = "com.atlassian.macro", ["extensionKey"] = "roadmap" })),
            "roadmap"),
        new("Bodied extension becomes its content",
            Doc(Node("bodiedExtension", new JsonArray(P("inside the macro")), new() { ["extensionType"] = "com.example", ["extensionKey"] = "box" })),
            "inside the macro"),
        new("Emoji wiki has no emoticon for becomes its character",
            Doc(P("Shipped ", Emoji(":rocket:", "1f680", "🚀"))),
            "Shipped 🚀"),
        new("Background colour wiki cannot hold leaves the text",
            Doc(P(T("highlighted", Node("backgroundColor", null, new() { ["color"] = "#fedec8" })), " words")),
            "highlighted words"),
        new("Numbered list starting at three is a numbered list",
            Doc(Node("orderedList", new JsonArray(Li("third"), Li("fourth")), new() { ["order"] = 3 })),
            "# third\n# fourth"),
        new("Merged table cells keep their text",
            Doc(Table(Row(Node("tableHeader", new JsonArray(P("Both")), new() { ["colspan"] = 2 })), Row(Td("a"), Td("b")))),
            "||Both||\n|a|b|"),
        new("Code block inside a list item follows the item",
            Doc(Bullet(Node("listItem", new JsonArray(P("run"), CodeBlock("bash", "make test"))))),
            "* run\n{code:bash}\nmake test\n{code}"),
        new("Cloud image keeps its file name",
            Doc(Node("mediaSingle", new JsonArray(Node("media", null, new()
                { ["type"] = "file", ["id"] = "6e7c7f2c-dd7a-499c-bceb-6f32bfbf30b5", ["collection"] = "jira-10001", ["alt"] = "crash.png" })), new() { ["layout"] = "center" })),
            "!crash.png!"),
        new("Mention by user name is written without accountid",
            Doc(P(Mention("jdoe"), " please review")),
            "[~jdoe] please review"),
        new("Heading inside a table cell becomes the cell's text",
            Doc(Table(Row(Node("tableCell", new JsonArray(H(3, "Title"), P("body")))))),
            "|Title\\\\body|"),
        new("Empty paragraphs used as spacing are dropped",
            Doc(P("one"), P(), P(), P("two")),
            "one\n\ntwo"),
        new("Text with a newline inside becomes two lines",
            Doc(P("first\nsecond")),
            "first\nsecond"),
    }.Select(c => c.Data());
}
