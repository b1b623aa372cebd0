namespace JiraSim.Connect;

/// <summary>
/// Jira's side of Connect over HTTP: the install key server (<c>GET /install-keys/{kid}</c>, the PEM public key of
/// the simulator's install-signing key, as <c>connect-install-keys.atlassian.com</c> serves Atlassian's), and the
/// admin API for manual use and the demo (<see cref="AdminEndpoints"/>).
/// </summary>
public static class ConnectEndpoints
{
    public static void Map(WebApplication app)
    {
        // Made now, so that webhooks flow for every site from the moment it exists.
        _ = app.Services.GetRequiredService<SimulatorState>().Connect;
        app.MapGet("/install-keys/{kid}", (string kid, SimulatorState state) =>
            kid == state.Connect.InstallKey.Kid
                ? Results.Text(state.Connect.InstallKey.PublicKeyPem, "text/plain")
                : Results.NotFound());
        AdminEndpoints.Map(app);
        JiraPageEndpoints.Map(app);
    }
}
