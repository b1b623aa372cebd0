namespace ConnectAddon.PrivateConsole.Login;

/// <summary>What a console password must be, wherever one is set: in configuration or through the console.</summary>
public static class ConsolePasswordRule
{
    public const int MinLength = 12;
    public const int MaxLength = 1024;

    public static bool IsStrongEnough(string password) =>
        password.Length is >= MinLength and <= MaxLength && !string.IsNullOrWhiteSpace(password);
}
