using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Schools;

/// <summary>A school whose row differs from the registry, and in what.</summary>
public sealed record SchoolChange(School School, IReadOnlyList<SchoolField> Fields);

/// <summary>What importing a file would do to a district's registry; nothing is changed until it is applied.</summary>
public sealed record SchoolImportPlan(
    string District,
    int RowsRead,
    IReadOnlyList<School> Added,
    IReadOnlyList<SchoolChange> Changed,
    IReadOnlyList<School> Removed,
    IReadOnlyList<School> Closed,
    IReadOnlyList<SchoolReference> Affected,
    int Unchanged)
{
    public bool HasChanges => Added.Count + Changed.Count + Removed.Count + Closed.Count > 0;

    /// <summary>
    /// Compares the file with the registry: schools the file lacks are removed, or only closed when a profile names
    /// them (<paramref name="referenced"/>); schools already closed and still absent stay as they are.
    /// </summary>
    public static SchoolImportPlan Compare(
        string district, int rowsRead, IReadOnlyList<School> incoming, IReadOnlyList<School> current, IReadOnlyList<SchoolReference> referenced)
    {
        var stored = current.ToDictionary(s => s.Number, StringComparer.Ordinal);
        var added = new List<School>();
        var changed = new List<SchoolChange>();
        var unchanged = 0;
        foreach (var school in incoming)
        {
            if (!stored.TryGetValue(school.Number, out var before))
            {
                added.Add(school);
            }
            else if (school.DifferencesFrom(before) is { Count: > 0 } fields)
            {
                changed.Add(new SchoolChange(school, fields));
            }
            else
            {
                unchanged++;
            }
        }
        var inFile = incoming.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
        var referencedNumbers = referenced.Select(r => r.Number).ToHashSet(StringComparer.Ordinal);
        var gone = current.Where(s => !s.IsClosed && !inFile.Contains(s.Number)).OrderBy(s => s.Number, SchoolNumberOrder.Instance).ToList();
        var closed = gone.Where(s => referencedNumbers.Contains(s.Number)).ToList();
        return new SchoolImportPlan(
            district, rowsRead,
            added.OrderBy(s => s.Number, SchoolNumberOrder.Instance).ToList(),
            changed.OrderBy(c => c.School.Number, SchoolNumberOrder.Instance).ToList(),
            gone.Where(s => !referencedNumbers.Contains(s.Number)).ToList(),
            closed,
            referenced.Where(r => closed.Any(s => s.Number == r.Number)).ToList(),
            unchanged);
    }
}

/// <summary>Numbers in the order people expect: 2 before 10, and 4а after 4.</summary>
public sealed class SchoolNumberOrder : IComparer<string>
{
    public static SchoolNumberOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var (xDigits, yDigits) = (LeadingNumber(x ?? ""), LeadingNumber(y ?? ""));
        var byNumber = xDigits.CompareTo(yDigits);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
    }

    private static long LeadingNumber(string text)
    {
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).Take(12).ToArray());
        return digits.Length == 0 ? long.MaxValue : long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Plans an import against the stored registry, and applies a plan; the caller's transaction makes it all or nothing.</summary>
public sealed class SchoolImport(SchoolRepository schools)
{
    public async Task<SchoolImportPlan> PlanAsync(string district, SchoolRoster roster, CancellationToken cancellationToken = default)
    {
        var current = await schools.ListAsync(district, cancellationToken);
        var inFile = roster.Schools.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
        var gone = current.Where(s => !s.IsClosed && !inFile.Contains(s.Number)).Select(s => s.Number).ToList();
        var referenced = await schools.ReferencesAsync(district, gone, cancellationToken);
        return SchoolImportPlan.Compare(district, roster.RowsRead, roster.Schools, current, referenced);
    }

    public async Task ApplyAsync(SchoolImportPlan plan, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        foreach (var school in plan.Added)
        {
            await schools.InsertAsync(plan.District, school, now, cancellationToken);
        }
        foreach (var change in plan.Changed)
        {
            await schools.UpdateAsync(plan.District, change.School, now, cancellationToken);
        }
        await schools.DeleteAsync(plan.District, plan.Removed.Select(s => s.Number).ToList(), cancellationToken);
        await schools.CloseAsync(plan.District, plan.Closed.Select(s => s.Number).ToList(), now, cancellationToken);
    }
}
