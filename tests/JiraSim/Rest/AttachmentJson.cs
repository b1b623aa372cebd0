using System.Globalization;
using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// "Get attachment metadata" answers AttachmentMetadata, which differs from the Attachment of uploads and issue
/// fields: its <c>id</c> is an integer (int64) and its author a full User. The OpenAPI document's examples
/// disagree among themselves; the schema's form is produced (shared/reference/README.md).
/// </summary>
public static class AttachmentJson
{
    /// <summary>Call under the site's lock.</summary>
    public static JsonObject Metadata(SimSite site, SimAttachment attachment)
    {
        var json = SiteJson.Attachment(site, attachment);
        if (site.IsDataCenter)
            return json; // AttachmentBean on Data Center: the id stays a string, as everywhere in v2
        json["id"] = long.Parse(attachment.Id, CultureInfo.InvariantCulture);
        return json;
    }
}
