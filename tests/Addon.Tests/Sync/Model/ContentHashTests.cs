using System.Text.Json.Nodes;
using ConnectAddon.Sync.Model;

namespace ConnectAddon.Tests.Sync.Model;

/// <summary>Loop prevention compares hashes (DESIGN §7): equal content must hash alike however it was ordered, and any change must show.</summary>
public sealed class ContentHashTests
{
    [Test]
    public void SameMembersInAnotherOrder_HashAlike()
    {
        var a = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"text","text":"x","marks":[{"type":"strong"}]}]}""");
        var b = JsonNode.Parse("""{"content":[{"marks":[{"type":"strong"}],"text":"x","type":"text"}],"version":1,"type":"doc"}""");
        Assert.That(ContentHash.Of(a), Is.EqualTo(ContentHash.Of(b)));
    }

    [TestCase("""{"a":[1,2]}""", """{"a":[2,1]}""", TestName = "ArrayOrder_Matters")]
    [TestCase("""{"a":"x"}""", """{"a":"x "}""", TestName = "AChangedValue_Matters")]
    [TestCase("""{"a":null}""", """{}""", TestName = "ANullMemberAndAnAbsentOne_Differ")]
    public void DifferentContent_HashesDifferently(string left, string right) =>
        Assert.That(ContentHash.Of(JsonNode.Parse(left)), Is.Not.EqualTo(ContentHash.Of(JsonNode.Parse(right))));
}
