using System.Text.Json.Nodes;

namespace JiraSim.Model;

/// <summary>An issue's state. Mutated only under its site's lock.</summary>
public sealed class SimIssue
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string ProjectId { get; init; }
    /// <summary>The parent of a sub-task (its id); null for every other issue.</summary>
    public string? ParentId { get; init; }
    public required string IssueTypeId { get; set; }
    public required string Summary { get; set; }
    public JsonNode? Description { get; set; }
    public List<string> Labels { get; set; } = [];
    public required string ReporterAccountId { get; init; }
    public required string CreatorAccountId { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public string StatusName { get; set; } = "To Do";
    public List<SimComment> Comments { get; } = [];
    public List<SimAttachment> Attachments { get; } = [];
    public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);
}
