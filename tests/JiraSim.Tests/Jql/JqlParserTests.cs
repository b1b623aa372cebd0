using JiraSim.Jql;

namespace JiraSim.Tests.Jql;

public sealed class JqlParserTests
{
    private static JqlQuery Parse(string jql)
    {
        Assert.That(JqlParser.TryParse(jql, out var query, out var error), Is.True, () => string.Join("; ", error!.Messages));
        return query!;
    }

    private static string Error(string jql)
    {
        Assert.That(JqlParser.TryParse(jql, out _, out var error), Is.False, $"'{jql}' parsed.");
        Assert.That(error!.Messages, Has.Count.EqualTo(1));
        return error.Messages[0];
    }

    [Test]
    public void Parse_AndAndOr_AndBindsTighter() =>
        Assert.That(Parse("a = 1 OR b = 2 AND c = 3 OR d = 4").ToString(),
            Is.EqualTo("(a = \"1\" OR (b = \"2\" AND c = \"3\") OR d = \"4\")"));

    [Test]
    public void Parse_Parentheses_OverridePrecedence() =>
        Assert.That(Parse("(a = 1 OR b = 2) AND (c = 3 OR (d = 4))").ToString(),
            Is.EqualTo("((a = \"1\" OR b = \"2\") AND (c = \"3\" OR d = \"4\"))"));

    [Test]
    public void Parse_Not_BindsToTheNextClauseOnly() =>
        Assert.That(Parse("NOT a = 1 AND NOT (b = 2 OR c = 3)").ToString(),
            Is.EqualTo("(NOT a = \"1\" AND NOT (b = \"2\" OR c = \"3\"))"));

    [Test]
    public void Parse_KeywordsInAnyCase_AreKeywords() =>
        Assert.That(Parse("project = A and labels In (x) Or not key = A-1 order BY key desc").ToString(),
            Is.EqualTo("((project = \"A\" AND labels in (\"x\")) OR NOT key = \"A-1\") ORDER BY key DESC"));

    [Test]
    public void Parse_SymbolsForAndOrNot_AreTheKeywords() =>
        Assert.That(Parse("a=1&&b=2||!c=3 & d=4 | e=5").ToString(),
            Is.EqualTo("((a = \"1\" AND b = \"2\") OR (NOT c = \"3\" AND d = \"4\") OR e = \"5\")"));

    [TestCase("=", JqlOperator.Equals)]
    [TestCase("!=", JqlOperator.NotEquals)]
    [TestCase("<", JqlOperator.LessThan)]
    [TestCase("<=", JqlOperator.LessThanOrEquals)]
    [TestCase(">", JqlOperator.GreaterThan)]
    [TestCase(">=", JqlOperator.GreaterThanOrEquals)]
    [TestCase("~", JqlOperator.Contains)]
    [TestCase("!~", JqlOperator.NotContains)]
    public void Parse_ComparisonOperators_WithOrWithoutSpaces(string symbol, JqlOperator expected)
    {
        Assert.That(((JqlTerm)Parse($"f {symbol} v").Where!).Operator, Is.EqualTo(expected));
        Assert.That(((JqlTerm)Parse($"f{symbol}v").Where!).Operator, Is.EqualTo(expected));
    }

    [TestCase("labels in (a, b)", JqlOperator.In)]
    [TestCase("labels NOT IN (a, b)", JqlOperator.NotIn)]
    [TestCase("labels is EMPTY", JqlOperator.Is)]
    [TestCase("labels IS NOT null", JqlOperator.IsNot)]
    public void Parse_WordOperators_InAnyCase(string jql, JqlOperator expected) =>
        Assert.That(((JqlTerm)Parse(jql).Where!).Operator, Is.EqualTo(expected));

    [Test]
    public void Parse_QuotedStrings_KeepSpacesKeywordsAndEscapes()
    {
        var values = ((JqlTerm)Parse("""labels in ("printer \"on\" fire", 'it\'s', "AND", 'tab\there', "\u00e9", 'x y')""").Where!).Operand.Values;
        Assert.That(values.Select(v => v.Text), Is.EqualTo(new[] { "printer \"on\" fire", "it's", "AND", "tab\there", "\u00e9", "x y" }));
        Assert.That(values.Select(v => v.Kind), Is.All.EqualTo(JqlValueKind.Literal));
    }

    [Test]
    public void Parse_QuotedKeyword_IsAValueAndAQuotedFieldIsAField()
    {
        var term = (JqlTerm)Parse("\"labels\" = \"and\"").Where!;
        Assert.That((term.Field, term.Operand.Values[0].Kind, term.Operand.Values[0].Text), Is.EqualTo(("labels", JqlValueKind.Literal, "and")));
    }

    [Test]
    public void Parse_UnquotedValues_MayHoldDashesSlashesAndColons()
    {
        var and = (JqlAnd)Parse("key = ACME-12 AND updated > -5m AND created >= 2024/05/01").Where!;
        Assert.That(and.Clauses.Cast<JqlTerm>().Select(t => t.Operand.Values[0].Text), Is.EqualTo(new[] { "ACME-12", "-5m", "2024/05/01" }));
    }

    [Test]
    public void Parse_EmptyAndNull_AreTheEmptyValue()
    {
        var or = (JqlOr)Parse("labels is EMPTY OR labels = null OR labels in (x, Empty)").Where!;
        Assert.That(or.Clauses.Cast<JqlTerm>().Select(t => t.Operand.Values[^1].Kind), Is.All.EqualTo(JqlValueKind.Empty));
    }

    [Test]
    public void Parse_FunctionCall_IsAFunctionValueWithItsArguments()
    {
        var value = ((JqlTerm)Parse("updated > startOfDay(\"-1d\", x)").Where!).Operand.Values[0];
        Assert.That((value.Kind, value.Text), Is.EqualTo((JqlValueKind.Function, "startOfDay")));
        Assert.That(value.Arguments, Is.EqualTo(new[] { "-1d", "x" }));
    }

    [Test]
    public void Parse_OrderBy_ReadsFieldsAndDirectionsAscendingByDefault()
    {
        var query = Parse("project = ACME ORDER BY updated DESC, key, \"created\" asc");
        Assert.That(query.OrderBy.Select(s => (s.Field, s.Descending)),
            Is.EqualTo(new[] { ("updated", true), ("key", false), ("created", false) }));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("ORDER BY key")]
    public void Parse_NoRestriction_HasNoWhereClause(string jql) => Assert.That(Parse(jql).Where, Is.Null);

    [TestCase("project ACME", "Expecting operator but got 'ACME'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)")]
    [TestCase("project = ", "Expecting either a value, list or function but got the end of the query. (line 1, character 11)")]
    [TestCase("project = ACME AND", "Expecting a field name but got the end of the query. (line 1, character 19)")]
    [TestCase("project = ACME AND OR x = 1", "Expecting a field name but got 'OR'. (line 1, character 20)")]
    [TestCase("(project = ACME", "Expecting ')' but got the end of the query. (line 1, character 16)")]
    [TestCase("project = ACME labels = x", "Expecting either 'OR' or 'AND' but got 'labels'. (line 1, character 16)")]
    [TestCase("project = ACME)", "Expecting either 'OR' or 'AND' but got ')'. (line 1, character 15)")]
    [TestCase("summary ~ \"unfinished", "The quoted string \"unfinished has not been completed. (line 1, character 11)")]
    [TestCase("summary ~ \"bad \\q escape\"", "Illegal escape sequence '\\q'. (line 1, character 16)")]
    [TestCase("labels in x", "Expecting a list of values in parentheses after 'in' but got 'x'. (line 1, character 11)")]
    [TestCase("labels in (a, )", "Expecting either a value, list or function but got ')'. (line 1, character 15)")]
    [TestCase("labels in (a b)", "Expecting either ',' or ')' in the list of values but got 'b'. (line 1, character 14)")]
    [TestCase("labels is x", "Expecting 'EMPTY' or 'NULL' after 'is' but got 'x'. (line 1, character 11)")]
    [TestCase("labels = AND", "Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 10)")]
    [TestCase("project = ACME ORDER key", "Expecting 'BY' after 'ORDER' but got 'key'. (line 1, character 22)")]
    [TestCase("project = ACME ORDER BY", "Expecting a field name in the ORDER BY clause but got the end of the query. (line 1, character 24)")]
    [TestCase("project = ACME ORDER BY key DESC created", "Expecting either ',' or the end of the query but got 'created'. (line 1, character 34)")]
    [TestCase("project = ACME\nAND labels x", "Expecting operator but got 'x'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 2, character 12)")]
    public void Parse_SyntaxError_SaysWhatAndWhere(string jql, string message) =>
        Assert.That(Error(jql), Is.EqualTo("Error in the JQL Query: " + message));

    [Test]
    public void Parse_MoreThanSevenSortItems_IsRefused() =>
        Assert.That(Error("project = A ORDER BY key, id, created, updated, summary, key, id, created"),
            Is.EqualTo("Error in the JQL Query: The ORDER BY clause can contain at most 7 fields. (line 1, character 67)"));

    [Test]
    public void Parse_DeepNesting_IsRefusedNotAStackOverflow()
    {
        Assert.That(Parse(new string('(', 99) + "a = 1" + new string(')', 99)).ToString(), Is.EqualTo("a = \"1\""));
        Assert.That(Error(string.Concat(Enumerable.Repeat("NOT (", 5000)) + "a = 1"),
            Is.EqualTo("Error in the JQL Query: The query nests parentheses and NOT more than 100 deep. (line 1, character 251)"));
    }
}
