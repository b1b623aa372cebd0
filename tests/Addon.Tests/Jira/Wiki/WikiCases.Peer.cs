using System.Text.Json.Nodes;
using ConnectAddon.Sync.Model;
using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>What the sync writes to the other side (<see cref="PeerAdf"/>): comment copies, mentions as names, media as references.</summary>
public static partial class WikiCases
{
    private static readonly DateTimeOffset Written = new(2026, 11, 27, 10, 5, 0, TimeSpan.FromHours(1));

    private static JsonObject Prepared(JsonObject adf) => (JsonObject)PeerAdf.Prepare(adf)!;

    public static IEnumerable<TestCaseData> Peer() => new WikiCase[]
    {
        new("Comment copy starts with who wrote it and when in bold",
            "*Ada Admin* wrote on 27 Nov 2026 09:05 UTC:\n\nIt works on staging now.",
            PeerAdf.CommentCopy(new ReplicaComment("10100", "Ada Admin", Written, null, Doc(P("It works on staging now."))))),
        new("Comment copy of an unknown author at an unknown time",
            "*Someone* wrote on an unknown time:\n\n# first\n# second",
            PeerAdf.CommentCopy(new ReplicaComment("10101", "", null, null, Doc(Ordered(Li("first"), Li("second")))))),
        new("Comment copy keeps the comment's formatting",
            "*Bo Berg* wrote on 27 Nov 2026 09:05 UTC:\n\nh3. Findings\n\n* {{OOM}} in _worker-2_\n\n{code:java}\nthrow new IllegalStateException();\n{code}",
            PeerAdf.CommentCopy(new ReplicaComment("10102", "Bo Berg", Written, null,
                Doc(H(3, "Findings"), Bullet(Li(T("OOM", Code), " in ", T("worker-2", Em))), CodeBlock("java", "throw new IllegalStateException();"))))),
        new("Mention sent to the other side is the plain name",
            "Ask Ada Admin please",
            Prepared(Doc(P("Ask ", Node("mention", null, new() { ["id"] = "557058:secret", ["text"] = "@Ada Admin" }), " please")))),
        new("Image sent to the other side is an attachment reference",
            "See\n\n\\[attachment: screen.png]",
            Prepared(Doc(P("See"), Node("mediaSingle", new JsonArray(AdfBuild.Media("screen.png")), new() { ["layout"] = "center" })))),
        new("Files sent to the other side are one attachment reference",
            "\\[attachment: a.log, b.log]",
            Prepared(Doc(Files("a.log", "b.log")))),
        new("Inline file sent to the other side is a reference in the sentence",
            "Log: \\[attachment: server.log] attached",
            Prepared(Doc(P("Log: ", InlineMedia("server.log", "file"), " attached")))),
        new("Comment copy of a reply quoting the question",
            "*Cy Chen* wrote on 27 Nov 2026 09:05 UTC:\n\nbq. Does it affect 9.4?\n\nYes (y)",
            PeerAdf.CommentCopy(new ReplicaComment("10103", "Cy Chen", Written, null,
                Doc(Quote(P("Does it affect 9.4?")), P("Yes ", Emoji(":thumbsup:", "1f44d", "👍")))))),
    }.Select(c => c.Data());
}
