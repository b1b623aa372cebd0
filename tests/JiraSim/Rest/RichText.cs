using System.Text.Json.Nodes;
using JiraSim.Adf;
using JiraSim.DataCenter;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// A description or comment body as the site's REST API takes it: an ADF document on Cloud (REST v3), a wiki-markup
/// string on Data Center (REST v2, which knows no ADF). Either is stored as given.
/// </summary>
public static class RichText
{
    /// <returns>Why the value is refused, or null when it is fine. Null values are the caller's to judge.</returns>
    public static string? Invalid(SimSite site, JsonNode? node) =>
        site.IsDataCenter ? DataCenterJson.InvalidWikiText(node) : AdfValidator.Validate(node);
}
