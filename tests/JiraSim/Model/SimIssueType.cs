namespace JiraSim.Model;

/// <summary>An issue type of a project. Hierarchy level: -1 subtask, 0 standard, 1 epic (Jira's levels).</summary>
public sealed record SimIssueType(string Id, string Name, int HierarchyLevel = 0, string Description = "")
{
    public bool Subtask => HierarchyLevel < 0;
}
