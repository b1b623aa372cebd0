namespace JiraSim.Connect;

/// <summary>Jira's side of Connect: the install key server, and the admin API for tests and demos. Filled in by the Connect work.</summary>
public static class ConnectEndpoints
{
    public static void Map(WebApplication app) { }
}
