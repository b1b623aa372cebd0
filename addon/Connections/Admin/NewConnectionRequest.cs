using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connections.Admin;

/// <summary><c>POST /api/admin/connections</c>: <c>{"name"?,"projectId","mode":"basic","type":"private"}</c>.</summary>
public sealed record NewConnectionRequest(string? Name, string ProjectId, string Mode, string Type)
{
    public const int MaxNameLength = 100;

    public static Result<NewConnectionRequest> Read(JsonElement body)
    {
        var fields = new JsonFields(body);
        var name = fields.Text("name", MaxNameLength, required: false);
        var projectId = fields.Text("projectId", 100);
        var mode = fields.Text("mode", 40);
        var type = fields.Text("type", 40);
        if (fields.Error is { } error)
            return error;
        var project = Jira.JiraRefs.ProjectIdOrKey(projectId, "projectId");
        if (!project.IsSuccess)
            return project.Error;
        // This version makes Basic connections to private nodes only (DESIGN §5).
        if (mode != "basic")
            return ApiError.BadRequest($"'mode' '{mode}' is not supported; this version supports 'basic'.");
        if (type != "private")
            return ApiError.BadRequest($"'type' '{type}' is not supported; this version supports 'private'.");
        return new NewConnectionRequest(name, project.Value, mode, type);
    }
}
