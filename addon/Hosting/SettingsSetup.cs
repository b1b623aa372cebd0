namespace ConnectAddon.Hosting;

public static class SettingsSetup
{
    /// <summary>
    /// <see cref="AddonSettings"/> is read from the finished configuration when first needed, so every source
    /// (including a test host's overrides) has been applied. Program resolves it right after Build to fail fast.
    /// </summary>
    public static IServiceCollection AddAddonSettings(this IServiceCollection services) =>
        services.AddSingleton(provider => AddonSettings.FromConfiguration(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
}
