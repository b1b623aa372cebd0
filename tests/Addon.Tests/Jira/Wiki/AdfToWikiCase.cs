using System.Text.Json.Nodes;

namespace ConnectAddon.Tests.Jira.Wiki;

/// <summary>One row of the ADF-only table: ADF that wiki has no markup for, and the readable wiki it becomes.</summary>
public sealed record AdfToWikiCase(string Name, JsonObject Adf, string Wiki)
{
    public TestCaseData Data() => new TestCaseData(this).SetArgDisplayNames(Name);
}
