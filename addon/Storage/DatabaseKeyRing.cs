using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ConnectAddon.Storage;

/// <summary>
/// The Data Protection key ring in the database (<c>data_protection_keys</c>, PostgreSQL), so that every process of
/// a deployment reads the keys another created. Data Protection calls this synchronously, rarely (at start and when
/// a key is due), so the blocking calls cost nothing on a request path.
/// </summary>
public sealed class DatabaseKeyRing(Database database, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = database.OpenAsync().GetAwaiter().GetResult();
        return db.Query<string>("SELECT xml FROM data_protection_keys ORDER BY stored_at_ms, name").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = database.OpenAsync().GetAwaiter().GetResult();
        // Two processes that create a key at once each keep their own (names are key ids); both keys stay valid.
        db.Execute("INSERT INTO data_protection_keys (name, xml, stored_at_ms) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING",
            new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow().ToUnixTimeMilliseconds() });
    }
}
