using System.Security.Cryptography;
using System.Text;
using JiraSim.Model;

namespace JiraSim.Rest;

/// <summary>
/// The simulator's stand-in for Atlassian's media service. Jira answers "Get attachment content" with 303 to a
/// media URL that carries its own token instead of the caller's credentials (HTTP clients drop
/// <c>Authorization</c> on redirects). Here that URL is <c>{root}/_media/{site}/{id}/{token}</c>, served without
/// authentication. The token is an HMAC-SHA256 of site and attachment id under a key drawn at process start, so it
/// cannot be guessed and needs no stored state; unlike Jira's media tokens it does not expire.
/// </summary>
public static class MediaLinks
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static string Url(SimSite site, SimAttachment attachment) =>
        $"{site.BaseUrl.GetLeftPart(UriPartial.Authority)}/_media/{Uri.EscapeDataString(site.Key)}/{Uri.EscapeDataString(attachment.Id)}/{Token(site.Key, attachment.Id)}";

    public static IResult Serve(string site, string id, string token, SimulatorState state)
    {
        var expected = Encoding.ASCII.GetBytes(Token(site, id));
        if (state.FindSite(site) is not { } found || !CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token)))
            return NotFound;
        lock (found.Sync)
            return found.FindAttachment(id, out _) is { } attachment
                ? Results.Bytes(attachment.Content, attachment.MimeType, attachment.FileName)
                : NotFound;
    }

    private static IResult NotFound => JiraErrors.Status(404, "The media does not exist or the link is not valid.");

    private static string Token(string site, string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(site + "\n" + id)));
}
