namespace JiraSim.Model;

public sealed record SimProject
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<SimIssueType> IssueTypes { get; init; }
    /// <summary>The project's default issue type (issue type scheme default), if it has one.</summary>
    public string? DefaultIssueTypeId { get; init; }
    public string ProjectTypeKey { get; init; } = "software";
}
