using System.Text;
using System.Text.Json.Nodes;
using JiraSim.Jql;

namespace JiraSim.Tests.Jql;

public sealed class SearchPageTokenTests
{
    private const string Jql = "project = ACME ORDER BY summary";

    [Test]
    public void Token_ReadWithTheSameQuery_GivesBackTheSortKey()
    {
        var token = SearchPageToken.Create(Jql, ["Printer on fire", 10042L]);
        Assert.That(SearchPageToken.TryRead(token, Jql, out var after), Is.True);
        Assert.That(after, Is.EqualTo(new object[] { "Printer on fire", 10042L }));
    }

    [Test]
    public void Token_IsUrlSafe() =>
        Assert.That(SearchPageToken.Create(Jql, ["??>>??", 1L]), Does.Match("^[A-Za-z0-9_-]+$"));

    [Test]
    public void Token_ReadWithAnotherQuery_IsRefused() =>
        Assert.That(SearchPageToken.TryRead(SearchPageToken.Create(Jql, [1L]), "project = OPS ORDER BY summary", out _), Is.False);

    [TestCase("")]
    [TestCase("not base64!")]
    [TestCase("bm90IGpzb24")]
    public void Token_Malformed_IsRefused(string token) => Assert.That(SearchPageToken.TryRead(token, Jql, out _), Is.False);

    [Test]
    public void Token_WithValuesOfOtherTypes_IsRefused()
    {
        var real = SearchPageToken.Create(Jql, [1L]).Replace('-', '+').Replace('_', '/');
        var json = JsonNode.Parse(Convert.FromBase64String(real + new string('=', (4 - real.Length % 4) % 4)))!;
        json["after"] = new JsonArray(true);
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.That(SearchPageToken.TryRead(forged, Jql, out _), Is.False);
    }
}
