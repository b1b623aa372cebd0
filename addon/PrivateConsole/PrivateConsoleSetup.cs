namespace ConnectAddon.PrivateConsole;

public static class PrivateConsoleSetup
{
    /// <summary>The private node's console: its admin credential, login, and the console API (private role only).</summary>
    public static IServiceCollection AddPrivateConsole(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPrivateConsole(this IEndpointRouteBuilder routes) => routes;
}
