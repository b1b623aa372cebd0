using System.Text.Json.Nodes;

namespace JiraSim.Model;

public sealed class SimComment
{
    public required string Id { get; init; }
    public required string AuthorAccountId { get; init; }
    public required JsonNode Body { get; set; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset Updated { get; set; }
    public string? UpdateAuthorAccountId { get; set; }
}
