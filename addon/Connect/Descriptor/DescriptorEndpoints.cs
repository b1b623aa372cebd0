namespace ConnectAddon.Connect.Descriptor;

public static class DescriptorEndpoints
{
    /// <summary>Jira fetches the descriptor anonymously when an admin uploads the app by URL.</summary>
    public static void MapDescriptor(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/" + DescriptorTemplate.FileName, (DescriptorTemplate descriptor) =>
            Results.Text(descriptor.Json, "application/json; charset=utf-8"));
}
