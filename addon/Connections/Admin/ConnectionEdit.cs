using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connections.Admin;

/// <summary><c>PATCH /api/admin/connections/{id}</c>: <c>{"name"?,"projectId"?}</c>, at least one of them.</summary>
public sealed record ConnectionEdit(string? Name, string? ProjectId)
{
    public static Result<ConnectionEdit> Read(JsonElement body)
    {
        var fields = new JsonFields(body);
        var name = fields.Text("name", NewConnectionRequest.MaxNameLength, required: false);
        var projectId = fields.Text("projectId", 100, required: false);
        if (fields.Error is { } error)
            return error;
        if (name is null && projectId is null)
            return ApiError.BadRequest("Nothing to change: send 'name', 'projectId' or both.");
        if (projectId is not null && Jira.JiraRefs.ProjectIdOrKey(projectId, "projectId") is { IsSuccess: false } bad)
            return bad.Error;
        return new ConnectionEdit(name, projectId);
    }
}
