namespace JiraSim.Rest;

/// <summary>JQL search (REST v3 "Issue search"). Filled in by the JQL work.</summary>
public static class SearchEndpoints
{
    public static void Map(RouteGroupBuilder api) { }
}
