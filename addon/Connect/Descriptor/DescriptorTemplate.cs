using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connect.Descriptor;

/// <summary>
/// The repository's <c>atlassian-connect.json</c> with <c>{{baseUrl}}</c>, <c>{{key}}</c> and <c>{{name}}</c> filled in
/// from configuration (JSON-escaped). Rendered once: the settings do not change while the node runs.
/// </summary>
public sealed class DescriptorTemplate
{
    public const string FileName = "atlassian-connect.json";

    public DescriptorTemplate(AddonSettings settings)
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        var template = File.ReadAllText(path);
        Json = template
            .Replace("{{baseUrl}}", Escape(settings.BaseUrl.ToString().TrimEnd('/')), StringComparison.Ordinal)
            .Replace("{{key}}", Escape(settings.Key), StringComparison.Ordinal)
            .Replace("{{name}}", Escape(settings.Name), StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(Json); // a broken template stops start-up, not Jira's install
    }

    public string Json { get; }

    private static string Escape(string value) => JsonEncodedText.Encode(value).ToString();
}
