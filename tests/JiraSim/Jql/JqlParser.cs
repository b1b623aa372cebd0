using System.Diagnostics.CodeAnalysis;

namespace JiraSim.Jql;

/// <summary>
/// Recursive-descent JQL parser ("JQL: keywords", "JQL: operators"). OR binds loosest, then AND, then NOT; parentheses
/// group. Keywords are case-insensitive; quoted words are never keywords. The ORDER BY part takes at most 7 items,
/// as "Issue search: Search for issues using JQL enhanced search" allows.
/// <code>
/// query   := [or] [ORDER BY sort {, sort}]
/// or      := and {(OR | "||" | "|") and}
/// and     := not {(AND | "&amp;&amp;" | "&amp;") not}
/// not     := (NOT | "!") not | "(" or ")" | term
/// term    := field op operand
/// op      := = | != | &lt; | &lt;= | &gt; | &gt;= | ~ | !~ | IN | NOT IN | IS | IS NOT
/// operand := value | "(" value {, value} ")"
/// value   := word | string | EMPTY | NULL | word "(" [arg {, arg}] ")"
/// sort    := field [ASC | DESC]
/// </code>
/// </summary>
public sealed partial class JqlParser
{
    private const int MaxSortItems = 7;
    /// <summary>Bounds the recursion, so that no query can exhaust the stack.</summary>
    private const int MaxDepth = 100;
    private const string ValidOperators = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
    private static readonly HashSet<string> Reserved = new(["and", "or", "not", "in", "is", "empty", "null", "order"], StringComparer.OrdinalIgnoreCase);
    private readonly List<JqlToken> tokens;
    private int index;
    private int depth;

    private JqlParser(List<JqlToken> tokens) => this.tokens = tokens;

    public static bool TryParse(string text, [NotNullWhen(true)] out JqlQuery? query, [NotNullWhen(false)] out JqlError? error)
    {
        try
        {
            query = new JqlParser(JqlLexer.Tokenize(text)).Query();
            error = null;
            return true;
        }
        catch (JqlSyntaxException e)
        {
            query = null;
            error = JqlError.At(text, e.Position, e.Message);
            return false;
        }
    }

    private JqlToken Peek => tokens[index];

    private JqlToken Next() => tokens[index++];

    private static JqlSyntaxException Fail(JqlToken at, string message) => new(at.Position, message);

    private JqlQuery Query()
    {
        JqlClause? where = Peek.Kind == JqlTokenKind.End || Peek.Is("order") ? null : Or();
        var orderBy = new List<JqlSort>();
        if (Peek.Is("order"))
        {
            Next();
            if (!Peek.Is("by"))
                throw Fail(Peek, $"Expecting 'BY' after 'ORDER' but got {Peek.Describe()}.");
            Next();
            do
            {
                if (orderBy.Count == MaxSortItems)
                    throw Fail(Peek, $"The ORDER BY clause can contain at most {MaxSortItems} fields.");
                orderBy.Add(Sort());
            }
            while (Peek.Kind == JqlTokenKind.Comma && Next().Kind == JqlTokenKind.Comma);
            if (Peek.Kind != JqlTokenKind.End)
                throw Fail(Peek, $"Expecting either ',' or the end of the query but got {Peek.Describe()}.");
        }
        if (Peek.Kind != JqlTokenKind.End)
            throw Fail(Peek, $"Expecting either 'OR' or 'AND' but got {Peek.Describe()}.");
        return new JqlQuery(where, orderBy);
    }

    private JqlClause Or()
    {
        var clauses = new List<JqlClause> { And() };
        while (Peek.Is("or") || Peek.Kind == JqlTokenKind.Or)
        {
            Next();
            clauses.Add(And());
        }
        return clauses.Count == 1 ? clauses[0] : new JqlOr(clauses, clauses[0].Position);
    }

    private JqlClause And()
    {
        var clauses = new List<JqlClause> { Not() };
        while (Peek.Is("and") || Peek.Kind == JqlTokenKind.And)
        {
            Next();
            clauses.Add(Not());
        }
        return clauses.Count == 1 ? clauses[0] : new JqlAnd(clauses, clauses[0].Position);
    }

    private JqlClause Not()
    {
        if (++depth > MaxDepth)
            throw Fail(Peek, $"The query nests parentheses and NOT more than {MaxDepth} deep.");
        try
        {
            if (Peek.Is("not") || Peek.Kind == JqlTokenKind.Not)
            {
                var position = Next().Position;
                return new JqlNot(Not(), position);
            }
            if (Peek.Kind != JqlTokenKind.OpenParen)
                return Term();
            Next();
            var inner = Or();
            if (Peek.Kind != JqlTokenKind.CloseParen)
                throw Fail(Peek, $"Expecting ')' but got {Peek.Describe()}.");
            Next();
            return inner;
        }
        finally
        {
            depth--;
        }
    }

    private JqlTerm Term()
    {
        var field = FieldName();
        var opToken = Peek;
        JqlOperator op;
        if (opToken.Kind == JqlTokenKind.Operator)
        {
            Next();
            op = JqlOperators.FromSymbol(opToken.Text)!.Value;
        }
        else if (opToken.Is("in"))
        {
            Next();
            op = JqlOperator.In;
        }
        else if (opToken.Is("not") && tokens[index + 1].Is("in"))
        {
            index += 2;
            op = JqlOperator.NotIn;
        }
        else if (opToken.Is("is"))
        {
            Next();
            op = JqlOperator.Is;
            if (Peek.Is("not"))
            {
                Next();
                op = JqlOperator.IsNot;
            }
        }
        else
        {
            throw Fail(opToken, $"Expecting operator but got {opToken.Describe()}. {ValidOperators}");
        }
        var operand = Operand(op, opToken);
        return new JqlTerm(field.Text, field.Position, op, opToken.Position, operand);
    }

    private JqlToken FieldName()
    {
        var token = Peek;
        if (token.Kind == JqlTokenKind.String || (token.Kind == JqlTokenKind.Word && !Reserved.Contains(token.Text)))
            return Next();
        throw Fail(token, $"Expecting a field name but got {token.Describe()}.");
    }

    private JqlSort Sort()
    {
        var field = Peek.Kind is JqlTokenKind.Word or JqlTokenKind.String && !Peek.Is("asc") && !Peek.Is("desc")
            ? Next()
            : throw Fail(Peek, $"Expecting a field name in the ORDER BY clause but got {Peek.Describe()}.");
        var descending = false;
        if (Peek.Is("asc") || Peek.Is("desc"))
            descending = Next().Is("desc");
        return new JqlSort(field.Text, field.Position, descending);
    }
}
