using NUnit.Framework.Interfaces;

namespace EndToEnd.Tests.Support;

/// <summary>Fails a test during which a page reported a Content-Security-Policy violation (<see cref="PolicyViolations"/>).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class NoPolicyViolationsAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test) => PolicyViolations.TakeAll();

    public void AfterTest(ITest test)
    {
        var violations = PolicyViolations.TakeAll();
        if (violations.Count > 0)
            Assert.Fail("The page broke its Content-Security-Policy:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
    }
}
