using ConnectAddon.Jira;
using ConnectAddon.Jira.Models;

namespace ConnectAddon.Tests.Jira;

/// <summary>Which Jira a server info describes, and the versions a private node works with (README, "Private node on Jira Data Center").</summary>
public class JiraProductTests
{
    [TestCase("DataCenter", "9.12.15", new[] { 9, 12, 15 }, "Jira Data Center 9.12.15")]
    [TestCase("DataCenter", "10.3.6", new[] { 10, 3, 6 }, "Jira Data Center 10.3.6")]
    [TestCase("DataCenter", "11.0.1", new[] { 11, 0, 1 }, "Jira Data Center 11.0.1")]
    [TestCase("Server", "9.12.2", new[] { 9, 12, 2 }, "Jira Data Center 9.12.2")]
    public void DataCenterFrom912On_IsSupported_AndNamedWithItsVersion(string deployment, string version, int[] numbers, string named)
    {
        var (product, refusal) = JiraProduct.From(new JiraServerInfo { DeploymentType = deployment, Version = version, VersionNumbers = numbers });

        Assert.That(refusal, Is.Null);
        Assert.That(product!.Flavour, Is.EqualTo(JiraFlavour.DataCenter));
        Assert.That(product.DisplayName, Is.EqualTo(named));
    }

    [Test]
    public void Cloud_IsSupported_AsJiraCloud()
    {
        var (product, refusal) = JiraProduct.From(new JiraServerInfo { DeploymentType = "Cloud", Version = "1001.0.0-SNAPSHOT", VersionNumbers = [1001, 0, 0] });

        Assert.That(refusal, Is.Null);
        Assert.That(product!.Flavour, Is.EqualTo(JiraFlavour.Cloud));
        Assert.That(product.DisplayName, Is.EqualTo("Jira Cloud"));
    }

    [TestCase("9.11.3", new[] { 9, 11, 3 })]
    [TestCase("8.20.30", new[] { 8, 20, 30 })]
    public void DataCenterOlderThan912_IsRefused_SayingWhatIsSupported(string version, int[] numbers)
    {
        var (product, refusal) = JiraProduct.From(new JiraServerInfo { DeploymentType = "DataCenter", Version = version, VersionNumbers = numbers });

        Assert.That(product, Is.Null);
        Assert.That(refusal, Does.Contain($"Jira Data Center {version}").And.Contain("supports Jira Data Center 9.12 and later"));
    }

    [Test]
    public void VersionNumbersMissing_AreReadFromTheVersionText()
    {
        var (product, _) = JiraProduct.From(new JiraServerInfo { DeploymentType = "DataCenter", Version = "10.3.6" });
        var (old, refusal) = JiraProduct.From(new JiraServerInfo { DeploymentType = "DataCenter", Version = "9.4.0" });

        Assert.That(product?.DisplayName, Is.EqualTo("Jira Data Center 10.3.6"));
        Assert.That(old, Is.Null);
        Assert.That(refusal, Does.Contain("9.4.0"));
    }

    [TestCase("DataCenter", "banana", "gives no version this node can read ('banana')")]
    [TestCase("Confluence", "8.5.0", "deployment type 'Confluence'")]
    [TestCase(null, "1.0", "deployment type 'none'")]
    public void WhatIsNotAJiraThisNodeKnows_IsRefused_SayingWhatItAnswered(string? deployment, string version, string said)
    {
        var (product, refusal) = JiraProduct.From(new JiraServerInfo { DeploymentType = deployment, Version = version });

        Assert.That(product, Is.Null);
        Assert.That(refusal, Does.Contain(said));
    }
}
