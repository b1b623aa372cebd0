namespace ConnectAddon.TestKit;

/// <summary>The database a node under test runs on (<c>Storage:Provider</c>).</summary>
public enum TestStore
{
    Sqlite,
    Postgres,
}
