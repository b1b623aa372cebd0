using ConnectAddon.Sync.Model;

namespace ConnectAddon.Tests.Sync.Model;

/// <summary>An event this version cannot understand is recognised as such (and skipped visibly), never half-applied.</summary>
public sealed class SyncJsonTests
{
    [Test]
    public void Replica_RoundTrips()
    {
        var payload = new SyncPayload
        {
            Type = SyncPayload.ReplicaType,
            Issue = new ReplicaIssue("10001", "ACME-1", "https://a.example/browse/ACME-1"),
            Fields = new ReplicaFields("Summary", null, new ReplicaIssueType("Bug", false, 0)),
            Changed = [SyncedField.Summary],
            Comments = [],
            Attachments = [new ReplicaAttachment("1", "a.txt", "text/plain", 3, new string('a', 64))],
        };
        var read = SyncJson.Read(SyncJson.Write(payload))!;
        Assert.Multiple(() =>
        {
            Assert.That(read.Issue, Is.EqualTo(payload.Issue));
            Assert.That(read.Fields!.IssueType, Is.EqualTo(payload.Fields.IssueType));
            Assert.That(read.Attachments![0], Is.EqualTo(payload.Attachments[0]));
        });
    }

    [TestCase("""{"type":"teleport","issue":{"id":"1"}}""", TestName = "AnUnknownType_IsNotAnEvent")]
    [TestCase("""{"type":"replica","issue":{"id":"1"}}""", TestName = "AReplicaWithoutFields_IsNotAnEvent")]
    [TestCase("""{"type":"unsync"}""", TestName = "AnEventWithoutItsIssue_IsNotAnEvent")]
    [TestCase("""[1,2,3]""", TestName = "NotAnObject_IsNotAnEvent")]
    [TestCase("""{"type":"replica","issue":{"id":"1"},"fields":{"summary":5}}""", TestName = "AWronglyTypedField_IsNotAnEvent")]
    public void Read_WhatThisVersionCannotUnderstand_IsNull(string json) =>
        Assert.That(SyncJson.Read(json), Is.Null);
}
