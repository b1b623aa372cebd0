using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>Images and attachments ("Text formatting notation help", Images, Attachments).</summary>
public static partial class WikiCases
{
    public static IEnumerable<TestCaseData> Media() => new WikiCase[]
    {
        new("Image on its own line becomes a mediaSingle",
            "!login-error.png!",
            Doc(Image("login-error.png"))),
        new("Thumbnail image becomes a mediaSingle 200 pixels wide",
            "!dashboard.jpg|thumbnail!",
            Doc(Image("dashboard.jpg", thumbnail: true))),
        new("Image with a space in its name keeps the name",
            "!Screen Shot 2024-05-01.png!",
            Doc(Image("Screen Shot 2024-05-01.png"))),
        new("Two images in one paragraph become two blocks",
            "!before.png! !after.png!",
            Doc(Image("before.png"), Image("after.png")),
            "!before.png!\n\n!after.png!"),
        new("Image between paragraphs",
            "Here is what I see:\n\n!error.png!\n\nThanks",
            Doc(P("Here is what I see:"), Image("error.png"), P("Thanks"))),
        new("Image inside a sentence is an inline image",
            "The icon !warn.gif! appears next to the field",
            Doc(P("The icon ", InlineMedia("warn.gif", "image"), " appears next to the field"))),
        new("Attachment link on its own becomes a mediaGroup",
            "[^heap-dump.hprof]",
            Doc(Files("heap-dump.hprof"))),
        new("Several attachment links become one mediaGroup",
            "[^catalina.out] [^gc.log]",
            Doc(Files("catalina.out", "gc.log"))),
        new("Attachment link in a sentence is inline media",
            "Full log in [^server.log], see line 300",
            Doc(P("Full log in ", InlineMedia("server.log", "file"), ", see line 300"))),
        new("External image becomes external media",
            "!https://status.example.com/badge.svg!",
            Doc(Node("mediaSingle", new([Node("media", null, new() { ["type"] = "external", ["url"] = "https://status.example.com/badge.svg" })]), new() { ["layout"] = "center" }))),
        new("Exclamation marks in prose stay text",
            "Great news! It works!",
            Doc(P("Great news! It works!"))),
        new("Exclamation mark before a word is escaped",
            "Use \\!important sparingly",
            Doc(P("Use !important sparingly"))),
    }.Select(c => c.Data());
}
