using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using JiraSim.Model;

namespace JiraSim.Jql;

/// <summary>
/// Binds a parsed query to a site: resolves projects, issue types and issue keys, reads dates, and reports every
/// problem at once, the way Jira lists all of a query's errors. Call under the site's lock.
/// </summary>
public sealed partial class JqlBinder
{
    private readonly SimSite site;
    private readonly string text;
    private readonly DateTimeOffset now;
    private readonly List<string> errors = [];

    private readonly TimeZoneInfo zone;

    private JqlBinder(SimSite site, string text, TimeZoneInfo zone)
    {
        this.site = site;
        this.text = text;
        this.zone = zone;
        now = site.Clock.GetUtcNow();
    }

    /// <param name="zone">The zone dates are read in: the searching user's; by default the site's (<see cref="SimSite.TimeZone"/>).</param>
    public static bool TryBind(SimSite site, string text, JqlQuery query, [NotNullWhen(true)] out JqlSearch? search, [NotNullWhen(false)] out JqlError? error,
        TimeZoneInfo? zone = null)
    {
        var binder = new JqlBinder(site, text, zone ?? site.TimeZone);
        var matches = query.Where is null ? (_ => true) : binder.Clause(query.Where);
        var order = binder.Order(query.OrderBy);
        search = binder.errors.Count == 0 ? new JqlSearch(matches, order) : null;
        error = binder.errors.Count == 0 ? null : new JqlError(binder.errors);
        return search is not null;
    }

    private static bool Never(SimIssue _) => false;

    private void At(int position, string message) => errors.Add(JqlError.Message(text, position, message));

    private Func<SimIssue, bool> Clause(JqlClause clause)
    {
        switch (clause)
        {
            case JqlAnd and:
                var all = and.Clauses.Select(Clause).ToList();
                return issue => all.All(c => c(issue));
            case JqlOr or:
                var any = or.Clauses.Select(Clause).ToList();
                return issue => any.Any(c => c(issue));
            case JqlNot not:
                var inner = Clause(not.Clause);
                return issue => !inner(issue);
            default:
                return Term((JqlTerm)clause);
        }
    }

    private Func<SimIssue, bool> Term(JqlTerm term)
    {
        if (JqlFields.Find(term.Field) is not { } field)
        {
            At(term.Position, $"The simulated Jira does not support the field '{term.Field}'; it supports {JqlFields.Supported}.");
            return Never;
        }
        if (!JqlFields.Operators(field).Contains(term.Operator))
        {
            At(term.OperatorPosition, $"The operator '{term.Operator.Text()}' is not supported by the '{term.Field}' field.");
            return Never;
        }
        if (term.Operand.IsList && term.Operator is not (JqlOperator.In or JqlOperator.NotIn))
        {
            At(term.Operand.Position, $"The operator '{term.Operator.Text()}' does not support the list value '{term.Operand}' for field '{term.Field}'.");
            return Never;
        }
        if (!Supported(term, field))
            return Never;
        var negated = term.Operator is JqlOperator.NotEquals or JqlOperator.NotIn or JqlOperator.IsNot or JqlOperator.NotContains;
        var values = term.Operand.Values;
        Func<SimIssue, bool> matches = field switch
        {
            JqlField.Project => Ids(values.Select(v => ProjectId(term, v)), i => i.ProjectId),
            JqlField.IssueKey => Ids(values.Select(v => IssueId(term, v)), i => i.Id),
            JqlField.IssueType => Ids(values.SelectMany(v => IssueTypeIds(term, v)), i => i.IssueTypeId),
            JqlField.Labels => Labels(values),
            JqlField.Summary => i => i.Summary.Contains(values[0].Text.Trim(), StringComparison.OrdinalIgnoreCase),
            _ => Date(term, field),
        };
        if (!negated)
            return matches;
        // "!=" and "not in" leave out issues where the field is empty ("JQL: operators"): only labels can be.
        return field == JqlField.Labels ? i => i.Labels.Count > 0 && !matches(i) : i => !matches(i);
    }

    /// <summary>EMPTY only for labels, and no functions but now() in dates.</summary>
    private bool Supported(JqlTerm term, JqlField field)
    {
        var ok = true;
        foreach (var value in term.Operand.Values)
        {
            if (value.Kind == JqlValueKind.Empty && field != JqlField.Labels)
                At(value.Position, $"The simulated Jira does not support EMPTY for the field '{term.Field}'.");
            else if (value.Kind == JqlValueKind.Function && !(field is JqlField.Created or JqlField.Updated && IsNow(value)))
                At(value.Position, $"The simulated Jira does not support the function '{value}' here; it supports only now() in created and updated.");
            else
                continue;
            ok = false;
        }
        return ok;
    }

    private static bool IsNow(JqlValue value) =>
        value.Kind == JqlValueKind.Function && string.Equals(value.Text, "now", StringComparison.OrdinalIgnoreCase) && value.Arguments is [];

    private static Func<SimIssue, bool> Ids(IEnumerable<string?> ids, Func<SimIssue, string> of)
    {
        var set = ids.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return issue => set.Contains(of(issue));
    }

    private string? ProjectId(JqlTerm term, JqlValue value)
    {
        var project = site.FindProject(value.Text)
            ?? site.Projects.FirstOrDefault(p => string.Equals(p.Name, value.Text, StringComparison.OrdinalIgnoreCase));
        if (project is null)
            errors.Add($"The value '{value.Text}' does not exist for the field '{term.Field}'.");
        return project?.Id;
    }

    private IEnumerable<string> IssueTypeIds(JqlTerm term, JqlValue value)
    {
        var ids = site.Projects.SelectMany(p => p.IssueTypes)
            .Where(t => t.Id == value.Text || string.Equals(t.Name, value.Text, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Id).Distinct().ToList();
        if (ids.Count == 0)
            errors.Add($"The value '{value.Text}' does not exist for the field '{term.Field}'.");
        return ids;
    }

    /// <summary>An id matches or not; a key must name an issue that exists, as on Jira, which refuses the query otherwise.</summary>
    private string? IssueId(JqlTerm term, JqlValue value)
    {
        var text = value.Text.Trim();
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
            return site.Issues.ContainsKey(text) ? text : null;
        if (!IssueKey().IsMatch(text))
            errors.Add($"The issue key '{value.Text}' for field '{term.Field}' is invalid.");
        else if (site.FindIssue(text) is { } issue)
            return issue.Id;
        else
            errors.Add($"An issue with key '{value.Text}' does not exist for field '{term.Field}'.");
        return null;
    }

    /// <summary>Labels compare ignoring case; EMPTY matches an issue without labels.</summary>
    private static Func<SimIssue, bool> Labels(IReadOnlyList<JqlValue> values)
    {
        var empty = values.Any(v => v.Kind == JqlValueKind.Empty);
        var labels = values.Where(v => v.Kind == JqlValueKind.Literal).Select(v => v.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return issue => (empty && issue.Labels.Count == 0) || issue.Labels.Any(labels.Contains);
    }

    private Func<SimIssue, bool> Date(JqlTerm term, JqlField field)
    {
        var value = term.Operand.Values[0];
        var date = IsNow(value) ? new JqlDate(now, TimeSpan.FromMinutes(1)) : JqlDate.Parse(value.Text, now, zone);
        if (date is not { } d)
        {
            errors.Add(JqlDate.Invalid(value.Text, term.Field));
            return Never;
        }
        var op = term.Operator is JqlOperator.NotEquals ? JqlOperator.Equals : term.Operator;
        return field == JqlField.Created ? i => d.Matches(i.Created, op) : i => d.Matches(i.Updated, op);
    }

    private JqlIssueOrder Order(IReadOnlyList<JqlSort> sorts)
    {
        if (sorts.Count == 0)
            return JqlIssueOrder.Default;
        var items = new List<(JqlSortField, bool)>();
        foreach (var sort in sorts)
        {
            if (JqlFields.FindSortable(sort.Field) is { } field)
                items.Add((field, sort.Descending));
            else
                At(sort.Position, $"Not able to sort using field '{sort.Field}': the simulated Jira sorts by {JqlFields.Sortable}.");
        }
        return new JqlIssueOrder(items);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*-[0-9]+$")]
    private static partial Regex IssueKey();
}
