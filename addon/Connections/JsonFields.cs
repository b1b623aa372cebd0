using System.Text.Json;
using ConnectAddon.Hosting;

namespace ConnectAddon.Connections;

/// <summary>
/// Reads the fields of a JSON request body by hand, so that each wrong field gets a 400 naming it (the first problem
/// is kept in <see cref="Error"/>) and nothing half-read is ever acted on. Text is trimmed and must be free of control characters.
/// </summary>
internal sealed class JsonFields(JsonElement root, string path = "")
{
    private readonly Box problem = new();

    private JsonFields(JsonElement root, string path, Box problem) : this(root, path) => this.problem = problem;

    public ApiError? Error => problem.Error;

    /// <summary>Whether the field is present and not null.</summary>
    public bool Has(string name) => root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string? Text(string name, int maxLength, bool required = true)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return required ? Fail(name, "is missing") : null;
        if (value.ValueKind != JsonValueKind.String)
            return Fail(name, "must be a string");
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
            return Fail(name, "must not be blank");
        if (text.Length > maxLength)
            return Fail(name, $"must be at most {maxLength} characters");
        if (text.Any(char.IsControl))
            return Fail(name, "must not contain control characters");
        return text;
    }

    /// <summary>A nested object's fields (sharing this reader's error), or null when it is missing or not an object.</summary>
    public JsonFields? Object(string name)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
            return new JsonFields(value, path + name + ".", problem);
        return Fail<JsonFields>(name, "must be a JSON object");
    }

    private T? Fail<T>(string name, string rule) where T : class
    {
        problem.Error ??= ApiError.BadRequest($"'{path}{name}' {rule}.");
        return null;
    }

    private string? Fail(string name, string rule) => Fail<string>(name, rule);

    private sealed class Box
    {
        public ApiError? Error { get; set; }
    }
}
