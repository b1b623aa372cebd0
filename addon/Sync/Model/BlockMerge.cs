using System.Text;
using System.Text.Json.Nodes;
using ConnectAddon.Jira.Wiki;

namespace ConnectAddon.Sync.Model;

/// <summary>
/// Merges the peer's new version of a rich text into this side's own, block by block (Sync/README.md "Rich content
/// on the way back"). What this side sends is made safe for the other site (<see cref="PeerAdf"/>: mentions become
/// names, media become "[attachment: …]"), and Jira Data Center holds only what wiki markup can say; so the peer's copy
/// of a block is a flattened one. When the peer sends its document back, each top-level block that is still what this
/// side sent for one of its own blocks takes this side's block, with its mentions, media, panels and marks; only the
/// blocks the partner changed or added take the partner's version, and the ones they removed go.
/// <para>
/// Blocks are compared as the other side can see them: the wiki markup of their flattened form, with white space
/// collapsed, so a block that went through Data Center's wiki markup and back still matches (one block of ours may come
/// back as several). The match is the longest common subsequence, so order is the partner's and a block repeated is
/// matched once each. This is the three-way merge
/// against the last agreed state: a field is merged only when this side did not change it since (a concurrent edit is
/// decided before, by the stated rule), so this side's blocks are the agreed ones.
/// </para>
/// </summary>
public static class BlockMerge
{
    // Beyond this many block pairs the alignment's table costs more than it saves: the partner's version is taken whole.
    private const long MaxPairs = 1_000_000;

    /// <returns>The document to write: <paramref name="theirs"/> with this side's blocks where the partner kept them.</returns>
    public static JsonNode? Merge(JsonNode? ours, JsonNode? theirs)
    {
        if (theirs is not JsonObject { } doc || doc["content"] is not JsonArray theirBlocks
            || ours?["content"] is not JsonArray ourBlocks || ourBlocks.Count == 0 || theirBlocks.Count == 0
            || (long)ourBlocks.Count * theirBlocks.Count > MaxPairs)
            return theirs?.DeepClone();

        // One block of ours may reach the partner as several (wiki markup has no expand: its title and body become two
        // paragraphs), so each block is compared as the list of blocks its wiki markup reads back as.
        var ourKeys = ourBlocks.Select(b => Keys(PeerAdf.Prepare(Document(b)))).ToArray();
        var theirKeys = theirBlocks.Select(b => Keys(Document(b))).ToArray();
        var plan = Align(ourKeys, theirKeys);

        var merged = (JsonObject)doc.DeepClone();
        var content = new JsonArray();
        for (var i = 0; i < theirBlocks.Count;)
        {
            if (plan[i] is var (ourIndex, end))
            {
                content.Add(ourBlocks[ourIndex]?.DeepClone());
                i = end;
            }
            else
                content.Add(theirBlocks[i++]?.DeepClone());
        }
        merged["content"] = content;
        return merged;
    }

    /// <summary>
    /// The longest common subsequence of our blocks and runs of theirs: for each of theirs that starts a run matched
    /// with one of ours, that block's index and where the run ends; null for the partner's own blocks.
    /// </summary>
    private static (int Ours, int End)?[] Align(string[][] ours, string[][] theirs)
    {
        int n = ours.Length, m = theirs.Length;
        var ends = new int[n, m];
        for (var j = 0; j < n; j++)
            for (var i = 0; i < m; i++)
                ends[j, i] = RunEnd(ours[j], theirs, i);
        var best = new int[n + 1, m + 1];
        for (var j = n - 1; j >= 0; j--)
            for (var i = m - 1; i >= 0; i--)
                best[j, i] = Math.Max(Math.Max(best[j + 1, i], best[j, i + 1]), ends[j, i] > 0 ? 1 + best[j + 1, ends[j, i]] : 0);
        var plan = new (int, int)?[m];
        int a = 0, b = 0;
        while (a < n && b < m)
        {
            if (ends[a, b] > 0 && best[a, b] == 1 + best[a + 1, ends[a, b]])
            {
                plan[b] = (a, ends[a, b]);
                (a, b) = (a + 1, ends[a, b]);
            }
            else if (best[a + 1, b] >= best[a, b + 1])
                a++;
            else
                b++;
        }
        return plan;
    }

    /// <summary>Where the run of theirs from <paramref name="start"/> whose keys are exactly <paramref name="keys"/> ends; 0 when none.</summary>
    private static int RunEnd(string[] keys, string[][] theirs, int start)
    {
        var at = 0;
        for (var i = start; i < theirs.Length && at < keys.Length; i++)
        {
            foreach (var key in theirs[i])
                if (at >= keys.Length || key != keys[at++])
                    return 0;
            if (at == keys.Length)
                return i + 1;
        }
        return 0;
    }

    /// <summary>A document as the other side can see it: the blocks its wiki markup reads back as, each as its wiki markup with white space collapsed.</summary>
    private static string[] Keys(JsonNode? document)
    {
        var blocks = WikiMarkup.ToAdf(WikiMarkup.ToWiki(document))["content"] as JsonArray ?? [];
        var keys = blocks.Select(b => Key(Document(b))).Where(k => k.Length > 0).ToArray();
        return keys.Length > 0 ? keys : [""];
    }

    private static JsonObject Document(JsonNode? block) => new() { ["type"] = "doc", ["version"] = 1, ["content"] = new JsonArray(block?.DeepClone()) };

    /// <summary>One block as wiki markup, white space collapsed.</summary>
    private static string Key(JsonNode? document)
    {
        var wiki = WikiMarkup.ToWiki(document);
        var key = new StringBuilder(wiki.Length);
        var space = false;
        foreach (var c in wiki.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
                key.Append(' ');
            space = false;
            key.Append(c);
        }
        return key.ToString();
    }
}
