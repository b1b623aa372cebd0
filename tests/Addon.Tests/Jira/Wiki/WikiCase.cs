using System.Text.Json.Nodes;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>
/// One row of the case tables: wiki markup, the ADF it reads as (in normal form), and the wiki the ADF writes back
/// as, which is the same markup unless <paramref name="Canonical"/> names the canonical spelling.
/// </summary>
public sealed record WikiCase(string Name, string Wiki, JsonObject Adf, string? Canonical = null)
{
    public string WrittenWiki => Canonical ?? Wiki;

    public TestCaseData Data() => new TestCaseData(this).SetArgDisplayNames(Name);
}
