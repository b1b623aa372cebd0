namespace ConnectAddon.Tests.Transport;

/// <summary>Info answers as other nodes give them.</summary>
public static class InfoJson
{
    public static readonly object Sample = new
    {
        name = "Exalate at partner.example.com",
        version = "1.4.0+abc123",
        role = "public",
        connectionTypes = new[] { new { type = "private", modes = new[] { "basic" } } },
    };
}
