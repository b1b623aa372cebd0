namespace ConnectAddon.Storage;

public sealed record Migration(long Version, string Name, string Sql);
