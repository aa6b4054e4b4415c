namespace MentorBot.Matching.Scoring;

/// <summary>
/// The flagship's strengths against the young director's deficits. The i-th of n deficits weighs n − i,
/// so the most pressing deficit counts most and covering all of them earns the full weight.
/// </summary>
internal sealed class CoverageRule(double weight) : IScoringRule
{
    public string Name => "coverage";
    public double Weight => weight;

    public double Share(DirectorFacts mentee, DirectorFacts mentor)
    {
        var deficits = mentee.DeficitBits;
        var n = deficits.Length;
        var earned = 0;
        for (var i = 0; i < n; i++)
        {
            if ((mentor.StrengthMask & deficits[i]) != 0)
                earned += n - i;
        }
        return n == 0 ? 0 : earned / (n * (n + 1) / 2.0);
    }

    public string? Reason(DirectorFacts mentee, DirectorFacts mentor, Profiles.Taxonomy taxonomy, Reader reader)
    {
        var total = mentee.Deficits.Count;
        var covered = mentee.Deficits.Where((_, i) => (mentor.StrengthMask & mentee.DeficitBits[i]) != 0).ToList();
        var labels = string.Join(", ", covered.Select(taxonomy.Label));
        if (reader == Reader.Mentee)
        {
            return (covered.Count, total) switch
            {
                (_, 0) => null,
                (0, _) => "не закрывает ни одного из ваших дефицитов",
                (1, 1) => $"закрывает ваш дефицит: {labels}",
                var (c, n) when c == n => $"закрывает все ваши дефициты: {labels}",
                var (c, n) => $"закрывает {c} из {OfYour(n)}: {labels}",
            };
        }
        // The flagship reads of their own strengths; a coordinator reads of the flagship. Neither owns the deficits.
        var verb = reader == Reader.Mentor ? "вы закрываете" : "флагман закрывает";
        return (covered.Count, total) switch
        {
            (_, 0) => null,
            (0, _) => reader == Reader.Mentor
                ? "вы не закрываете ни одного из дефицитов молодого директора"
                : "флагман не закрывает ни одного из дефицитов молодого директора",
            (1, 1) => $"{verb} единственный дефицит молодого директора: {labels}",
            var (c, n) when c == n => $"{verb} все дефициты молодого директора: {labels}",
            var (c, n) => $"{verb} {c} из {Of(n)} молодого директора: {labels}",
        };
    }

    // After «из» the noun is genitive: «из 1 вашего дефицита», «из 4 ваших дефицитов».
    private static string OfYour(int n) =>
        n % 10 == 1 && n % 100 != 11 ? $"{n} вашего дефицита" : $"{n} ваших дефицитов";

    private static string Of(int n) =>
        n % 10 == 1 && n % 100 != 11 ? $"{n} дефицита" : $"{n} дефицитов";
}
