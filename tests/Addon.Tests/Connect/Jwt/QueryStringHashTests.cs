using ConnectAddon.Connect.Jwt;

namespace ConnectAddon.Tests.Connect.Jwt;

/// <summary>
/// The canonical request of "Understanding JWT for Connect apps" (DESIGN §4), on the inputs where
/// implementations commonly go wrong. Expected strings are written out by hand, not computed.
/// </summary>
public class QueryStringHashTests
{
    [TestCase("jql=project+%3D+ABC", "jql=project%20%3D%20ABC", TestName = "Plus in a query is a space and is written %20")]
    [TestCase("jql=project%20%3D%20ABC", "jql=project%20%3D%20ABC", TestName = "Percent-encoded space stays %20")]
    [TestCase("q=a%2Bb", "q=a%2Bb", TestName = "An encoded plus stays an encoded plus")]
    [TestCase("a=x~y*z", "a=x~y%2Az", TestName = "Tilde is unreserved and stays; star becomes %2A")]
    [TestCase("a=x%7Ey%2az", "a=x~y%2Az", TestName = "Needlessly encoded tilde is decoded; lower-case hex becomes upper-case")]
    [TestCase("name=%C5%BDlut%C3%BD", "name=%C5%BDlut%C3%BD", TestName = "UTF-8 percent sequences are kept as UTF-8")]
    [TestCase("name=Žlutý", "name=%C5%BDlut%C3%BD", TestName = "Raw UTF-8 characters are encoded as UTF-8 bytes")]
    [TestCase("v=%7C&v=z", "v=z,%7C", TestName = "Repeated values are sorted as decoded text before encoding")]
    [TestCase("v=b&v=a&v=c", "v=a,b,c", TestName = "Repeated parameter keeps every value, sorted, joined by commas")]
    [TestCase("a=1%2C2&a=3", "a=1%2C2,3", TestName = "A comma inside a value is encoded so it cannot be confused with the joiner")]
    [TestCase("b=1&a=2&A=3", "A=3&a=2&b=1", TestName = "Parameters are sorted by encoded name, ordinally")]
    [TestCase("a=&b", "a=&b=", TestName = "Empty and missing values are written name=")]
    [TestCase("my+param=1&jwt=abc.def.ghi", "my%20param=1", TestName = "Names are decoded and encoded too; jwt is left out")]
    [TestCase("jwt=abc", "", TestName = "A query of only jwt canonicalises to nothing")]
    [TestCase("", "", TestName = "No query is an empty string")]
    [TestCase("?x=1", "x=1", TestName = "A leading question mark is not part of the query")]
    [TestCase("x=1&&y=2", "x=1&y=2", TestName = "Empty pairs are ignored")]
    public void CanonicalQuery_TrickyInput_MatchesTheSpecification(string raw, string expected) =>
        Assert.That(QueryStringHash.CanonicalQuery(raw), Is.EqualTo(expected));

    [TestCase("/pages/a&b", "", "/pages/a%26b", TestName = "A literal ampersand in the path is written %26")]
    [TestCase("/webhooks/issue-updated/", "", "/webhooks/issue-updated", TestName = "A trailing slash is dropped")]
    [TestCase("/", "", "/", TestName = "The root keeps its slash")]
    [TestCase("", "", "/", TestName = "An empty path is the root")]
    [TestCase("/jira/rest/api/3/issue", "/jira", "/rest/api/3/issue", TestName = "The base URL's path prefix is removed")]
    [TestCase("/jira/", "/jira", "/", TestName = "The base URL itself is the root")]
    [TestCase("/jira", "/jira/", "/", TestName = "A base path given with a trailing slash works the same")]
    [TestCase("/jirax/rest", "/jira", "/jirax/rest", TestName = "A path that only starts with the same letters is not the prefix")]
    [TestCase("/pages/caf%C3%A9", "", "/pages/caf%C3%A9", TestName = "An encoded path is hashed as sent, not decoded")]
    public void CanonicalPath_TrickyInput_MatchesTheSpecification(string raw, string basePath, string expected) =>
        Assert.That(QueryStringHash.CanonicalPath(raw, basePath), Is.EqualTo(expected));

    [Test]
    public void CanonicalRequest_LowerCaseMethodAndNoQuery_IsUpperCaseAndEndsWithSeparator() =>
        Assert.That(QueryStringHash.CanonicalRequest("post", "/webhooks/issue-updated", "", ""), Is.EqualTo("POST&/webhooks/issue-updated&"));

    [Test]
    public void Compute_KnownRequest_IsLowerHexSha256OfTheCanonicalRequest()
    {
        // sha256("GET&/rest/api/3/issue/ACME-1&expand=changelog&fields=status,summary"), computed outside .NET.
        var qsh = QueryStringHash.Compute("GET", "/rest/api/3/issue/ACME-1", "?fields=summary&fields=status&expand=changelog", "");
        Assert.That(qsh, Is.EqualTo("59f1555f199ee1cfedcca25b7e20ed8b15690ebd37db6f6b6d232507f45cbb24"));
    }

    [Test]
    public void Compute_OutgoingRequestToSiteWithPathPrefix_IsRelativeToTheSite()
    {
        var site = new Uri("http://127.0.0.1:9000/site-a");
        var target = new Uri("http://127.0.0.1:9000/site-a/rest/api/3/issue/ACME-1?expand=changelog&fields=status&fields=summary");
        Assert.That(QueryStringHash.Compute("GET", target, site), Is.EqualTo("59f1555f199ee1cfedcca25b7e20ed8b15690ebd37db6f6b6d232507f45cbb24"));
    }
}
