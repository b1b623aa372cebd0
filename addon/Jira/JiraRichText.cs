using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;

namespace ConnectAddon.Jira;

/// <summary>
/// Rich text (descriptions, comment bodies) as each flavour stores it: ADF as it is on Jira Cloud; on Jira Data Center a
/// wiki-markup string, converted at the client's edge (<see cref="WikiMarkup"/>), so everything above the client
/// carries ADF. An empty text is no text: Data Center answers null or "" for an empty description alike.
/// </summary>
internal static class JiraRichText
{
    /// <summary>The value to send for <paramref name="adf"/>.</summary>
    public static JsonNode? Write(JiraFlavour flavour, JsonNode? adf) =>
        flavour == JiraFlavour.Cloud || adf is null ? adf?.DeepClone()
        : adf is JsonValue ? adf.DeepClone() // already text: a caller that wrote wiki itself
        : JsonValue.Create(WikiMarkup.ToWiki(adf));

    /// <summary>The ADF of a value as Jira answered it.</summary>
    public static JsonNode? Read(JiraFlavour flavour, JsonNode? stored) =>
        flavour == JiraFlavour.Cloud ? stored
        : stored is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>() is { Length: > 0 } wiki ? WikiMarkup.ToAdf(wiki) : null
            : stored?.DeepClone();
}
