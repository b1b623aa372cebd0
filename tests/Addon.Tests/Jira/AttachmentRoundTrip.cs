using System.Security.Cryptography;
using ConnectAddon.Jira;
using JiraSim.Model;

namespace ConnectAddon.Tests.Jira;

/// <summary>What the sync does with a file, through the client against a simulated site: upload, download, delete.</summary>
public static class AttachmentRoundTrip
{
    /// <summary>Uploads random bytes to the issue, reads them back and deletes the attachment; asserts each step and that the issue is left without files.</summary>
    public static async Task AssertKeepsTheBytesAsync(JiraClient client, SimSite site, string issueKey, string fileName, int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);

        var upload = await client.UploadAttachmentAsync(issueKey, new MemoryStream(bytes), fileName, "application/octet-stream");
        Assert.That(upload.IsSuccess, Is.True, upload.ToString());
        var uploaded = upload.Value!.Single();
        byte[] downloaded;
        var opened = await client.OpenAttachmentContentAsync(uploaded.Id!);
        Assert.That(opened.IsSuccess, Is.True, opened.ToString());
        await using (var content = opened.Value!)
        {
            using var copy = new MemoryStream();
            await content.Content.CopyToAsync(copy);
            downloaded = copy.ToArray();
        }
        var deleted = await client.DeleteAttachmentAsync(uploaded.Id!);
        Assert.That(deleted.IsSuccess, Is.True, deleted.ToString());

        Assert.That(downloaded, Is.EqualTo(bytes));
        lock (site.Sync)
            Assert.That(site.FindIssue(issueKey)!.Attachments, Is.Empty);
    }
}
