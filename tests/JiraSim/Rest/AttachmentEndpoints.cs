namespace JiraSim.Rest;

/// <summary>Attachments (REST v3 "Issue attachments"). Filled in by the attachments work.</summary>
public static class AttachmentEndpoints
{
    public static void Map(RouteGroupBuilder api) { }
}
