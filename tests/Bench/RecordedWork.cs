using Microsoft.Data.Sqlite;

namespace ConnectAddon.Bench;

/// <summary>
/// What the app's database holds for the benchmark's tenant after a run: every 204 must have left its delivery id
/// and raised one issue's change_seq by one, so both totals equal the number of 204s.
/// </summary>
public sealed record RecordedWork(long Issues, long ChangeSeqTotal, long Deliveries)
{
    public static RecordedWork Read(string databasePath, string clientKey)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite, // never create: a missing file is an error
            Pooling = false, // release the file at once so the temp folder can be deleted
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM dirty_issues WHERE client_key = $k),
                   (SELECT COALESCE(SUM(change_seq), 0) FROM dirty_issues WHERE client_key = $k),
                   (SELECT COUNT(*) FROM webhook_deliveries WHERE client_key = $k)
            """;
        command.Parameters.AddWithValue("$k", clientKey);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new RecordedWork(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public bool Matches(long successes, long expectedIssues) =>
        ChangeSeqTotal == successes && Deliveries == successes && Issues == expectedIssues;
}
