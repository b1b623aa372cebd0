using System.Text.Json;
using System.Text.Json.Serialization;

namespace JiraSim.Rest;

public static class ResponseJson
{
    /// <summary>
    /// Jira leaves out a property that has no value (a page's <c>nextPage</c> on the last page, a scheme's
    /// <c>defaultIssueTypeId</c> when none is set); the OpenAPI schemas type them as strings, not nullable.
    /// </summary>
    public static readonly JsonSerializerOptions OmitNulls = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}
