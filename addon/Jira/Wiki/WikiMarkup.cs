using System.Text.Json.Nodes;

namespace ConnectAddon.Jira.Wiki;

/// <summary>
/// Converts between Jira wiki markup, which Jira Data Center's REST API v2 takes and returns for descriptions and
/// comment bodies, and the Atlassian Document Format the sync carries (Jira Cloud REST v3). Markup is as
/// "Text formatting notation help" (https://jira.atlassian.com/secure/WikiRendererHelpAction.jspa?section=all)
/// describes it; ADF as https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/ does.
/// Text is never lost: markup that is broken or unknown stays as its characters, and ADF that wiki cannot hold
/// becomes its readable text.
/// </summary>
public static class WikiMarkup
{
    /// <summary>The ADF document for wiki markup, in <see cref="AdfNormaliser"/>'s normal form; empty markup is an empty document.</summary>
    public static JsonObject ToAdf(string? wiki)
    {
        if (string.IsNullOrEmpty(wiki))
            return Adf.Doc([]);
        var text = wiki.Replace("\r\n", "\n").Replace('\r', '\n');
        return AdfNormaliser.Normalise(Adf.Doc([.. WikiBlockParser.Parse(text)]));
    }

    /// <summary>The wiki markup for an ADF document (of its normal form); null is empty markup.</summary>
    public static string ToWiki(JsonNode? adf) =>
        adf is null ? "" : AdfWikiWriter.Write(AdfNormaliser.Normalise(adf));

    /// <inheritdoc cref="AdfNormaliser.Normalise"/>
    public static JsonObject Normalise(JsonNode adf) => AdfNormaliser.Normalise(adf);
}
