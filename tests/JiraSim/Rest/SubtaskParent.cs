using System.Text.Json.Nodes;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// The <c>parent</c> of an issue being created. A sub-task needs one: Jira refuses it without, in the words of its
/// REST resource ("Issue type is a sub-task but parent issue key or id not specified.", as clients such as
/// jira-python match it). The parent, given as <c>{"key"}</c> or <c>{"id"}</c>, must exist in the same project and
/// be no sub-task itself; a standard type takes no parent here ("Given parent issue does not belong to appropriate
/// hierarchy.", Jira's answer to a parent outside the issue type hierarchy; the simulator has no epic links).
/// </summary>
public static class SubtaskParent
{
    public const string Missing = "Issue type is a sub-task but parent issue key or id not specified.";
    private const string WrongHierarchy = "Given parent issue does not belong to appropriate hierarchy.";

    /// <summary>Call under the site's lock. Adds to <paramref name="errors"/> (or <paramref name="messages"/>) what is wrong.</summary>
    public static SimIssue? Resolve(SimSite site, SimProject project, SimIssueType type, JsonNode? reference,
        Dictionary<string, string> errors, List<string> messages)
    {
        if (reference is null)
        {
            if (type.Subtask)
                messages.Add(Missing);
            return null;
        }
        var idOrKey = reference is JsonObject o ? Text(o["key"]) ?? Text(o["id"]) : null;
        if (idOrKey is null || site.FindIssue(idOrKey) is not { } parent)
        {
            errors["parent"] = "Could not find issue by id or key.";
            return null;
        }
        if (type.Subtask && parent.ProjectId != project.Id)
            errors["parent"] = "The parent issue must be in the same project as the sub-task.";
        else if (!type.Subtask || project.IssueTypes.FirstOrDefault(t => t.Id == parent.IssueTypeId) is not { Subtask: false })
            errors["parent"] = WrongHierarchy;
        else
            return parent;
        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is JsonValue n && n.TryGetValue<long>(out var l) ? l.ToString() : null;
}
