[assembly: EndToEnd.Tests.Support.NoPolicyViolations]
