using static ConnectAddon.Tests.Jira.Wiki.AdfBuild;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>Tables with heading cells ("Text formatting notation help", Tables).</summary>
public static partial class WikiCases
{
    public static IEnumerable<TestCaseData> Tables() => new WikiCase[]
    {
        new("Double bars are heading cells and single bars are cells",
            "||Version||Status||\n|9.4|{color:#36b37e}supported{color}|\n|8.20|end of life|",
            Doc(Table(Row(Th("Version"), Th("Status")), Row(Td("9.4"), Td(T("supported", Colour("#36b37e")))), Row(Td("8.20"), Td("end of life"))))),
        new("Cell padding spaces are dropped",
            "|| Host || Port ||\n| db01 | 5432 |",
            Doc(Table(Row(Th("Host"), Th("Port")), Row(Td("db01"), Td("5432")))),
            "||Host||Port||\n|db01|5432|"),
        new("Heading cell first in a row labels the row",
            "||CPU|92%|\n||Memory|71%|",
            Doc(Table(Row(Th("CPU"), Td("92%")), Row(Th("Memory"), Td("71%"))))),
        new("Link with a bar inside a cell stays one cell",
            "|[PR 88|https://git.example.com/pr/88]|merged|",
            Doc(Table(Row(Td(T("PR 88", Link("https://git.example.com/pr/88"))), Td("merged"))))),
        new("Monospace with a bar inside a cell stays one cell",
            "|{{a|b}}|pipe|",
            Doc(Table(Row(Td(T("a|b", Code)), Td("pipe"))))),
        new("Escaped bar in a cell is text",
            "|yes \\| no|maybe|",
            Doc(Table(Row(Td("yes | no"), Td("maybe"))))),
        new("Empty cell is an empty paragraph, written as a space",
            "|a| |c|",
            Doc(Table(Row(Td("a"), Td(), Td("c"))))),
        new("Line break in a cell is a double backslash",
            "|line one\\\\line two|x|",
            Doc(Table(Row(Td("line one", Br, "line two"), Td("x"))))),
        new("Short rows are padded with empty cells",
            "||Key||Summary||Status||\n|OPS-1|Disk full|",
            Doc(Table(Row(Th("Key"), Th("Summary"), Th("Status")), Row(Td("OPS-1"), Td("Disk full"), Td()))),
            "||Key||Summary||Status||\n|OPS-1|Disk full| |"),
        new("Table between paragraphs",
            "Results:\n\n|pass|12|\n|fail|1|\n\nSee above.",
            Doc(P("Results:"), Table(Row(Td("pass"), Td("12")), Row(Td("fail"), Td("1"))), P("See above."))),
        new("Mention and emoji in cells",
            "||Owner||OK||\n|[~mlopez]|(/)|",
            Doc(Table(Row(Th("Owner"), Th("OK")), Row(Td(Mention("mlopez")), Td(Emoji(":check_mark:", "atlassian-check_mark", ":check_mark:")))))),
    }.Select(c => c.Data());
}
