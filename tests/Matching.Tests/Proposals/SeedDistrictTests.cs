using MentorBot.Matching.Assignment;
using MentorBot.Matching.Profiles;
using MentorBot.Matching.Proposals;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Proposals;

/// <summary>
/// The district of seed 05: flagship schools №1, 2, 4, 29, 30, 35 mentor the young directors of schools
/// №9, 25, 26, 39, 53. The people and their profiles are invented.
/// </summary>
public sealed class SeedDistrictTests
{
    public static IReadOnlyList<DirectorProfile> Directors =>
    [
        DirectorBuilder.Flagship("school-1").Rural().Sized(SchoolSize.Small).WithStrengths("legal", "team", "culture").WantingToLearn("digital"),
        DirectorBuilder.Flagship("school-2").Urban().Sized(SchoolSize.Large).WithStrengths("standards", "digital", "research"),
        DirectorBuilder.Flagship("school-4").Rural().Sized(SchoolSize.Medium).WithStatus(SchoolStatus.LowResults)
            .WithStrengths("quality", "transition", "team").WithCapacity(2),
        DirectorBuilder.Flagship("school-29").Rural().Sized(SchoolSize.Large).WithStrengths("projects", "finance", "network"),
        DirectorBuilder.Flagship("school-30").Rural().Sized(SchoolSize.Medium).WithStrengths("upbringing", "parents", "support").WantingToLearn("research"),
        DirectorBuilder.Flagship("school-35").Urban().Sized(SchoolSize.Large).WithStrengths("projects", "staff", "finance"),
        DirectorBuilder.Young("school-9").Rural().Sized(SchoolSize.Small).WithStatus(SchoolStatus.LowResults)
            .WithDeficits("legal", "team", "parents").Offering("digital"),
        DirectorBuilder.Young("school-25").Urban().Sized(SchoolSize.Large).WithDeficits("standards", "digital"),
        DirectorBuilder.Young("school-26").Rural().Sized(SchoolSize.Medium).WithDeficits("staff", "upbringing", "parents").Offering("research"),
        DirectorBuilder.Young("school-39").Rural().Sized(SchoolSize.Large).WithDeficits("finance", "projects"),
        DirectorBuilder.Young("school-53").Rural().Sized(SchoolSize.Medium).WithStatus(SchoolStatus.LowResults).WithDeficits("quality", "transition"),
    ];

    private readonly MatchProposal _proposal = new MatchingEngine(new MatchingOptions()).Propose(Directors);

    [Fact]
    public void Every_young_director_gets_a_mentor_within_capacity()
    {
        Assert.Empty(_proposal.Unmatched);
        Assert.Equal(["school-25", "school-26", "school-39", "school-53", "school-9"], _proposal.Pairs.Select(p => p.MenteeId));
        var capacity = Directors.ToDictionary(d => d.Id, d => d.Capacity);
        Assert.All(_proposal.Pairs.CountBy(p => p.MentorId), load => Assert.InRange(load.Value, 1, capacity[load.Key]));
        Assert.True(_proposal.Pruning.ProvenOptimal);
    }

    [Fact]
    public void Each_pair_covers_a_deficit_and_says_which()
    {
        var expected = new Dictionary<string, (string Mentor, string Reason)>
        {
            ["school-9"] = ("school-1", "закрывает 2 из 3 ваших дефицитов: правовые вопросы, делегирование; тот же район; тоже сельская школа; "
                + "тоже небольшая школа; в ответ вы можете помочь: цифровая среда; пока без подопечных"),
            ["school-25"] = ("school-2", "закрывает все ваши дефициты: обновлённые ФГОС и ФОП, цифровая среда; тот же район; тоже городская школа; "
                + "тоже крупная школа; пока без подопечных"),
            ["school-26"] = ("school-30", "закрывает 2 из 3 ваших дефицитов: воспитательная работа, работа с родителями; тот же район; "
                + "тоже сельская школа; тоже школа среднего размера; в ответ вы можете помочь: проектная деятельность учащихся; пока без подопечных"),
            ["school-39"] = ("school-29", "закрывает все ваши дефициты: финансы и закупки, проектное управление; тот же район; тоже сельская школа; "
                + "тоже крупная школа; пока без подопечных"),
            ["school-53"] = ("school-4", "закрывает все ваши дефициты: качество образования и ВСОКО, перевод школы в эффективный режим; тот же район; "
                + "тоже сельская школа; тоже школа среднего размера; тот же статус: ШНОР; пока без подопечных"),
        };

        Assert.All(_proposal.Pairs, pair =>
        {
            Assert.Equal(expected[pair.MenteeId].Mentor, pair.MentorId);
            Assert.Equal(expected[pair.MenteeId].Reason, pair.Reason);
            Assert.False(pair.Pinned);
            Assert.InRange(pair.Score, 0.5, 1);
        });
    }

    [Fact]
    public void The_total_is_the_optimum_over_every_eligible_pair()
    {
        var engine = new MatchingEngine(new MatchingOptions());
        var young = Directors.Where(d => d.Role == DirectorRole.Young).ToList();
        var flagships = Directors.Where(d => d.Role == DirectorRole.Flagship).ToList();
        var pairs = young
            .SelectMany(y => engine.Suggest(y, flagships).Suggestions.Select(s => new ScoredPair(y.Id, s.MentorId, s.Score)))
            .ToList();

        var optimum = OptimalAssignment.Solve(new AssignmentInstance(
            [.. young.Select(y => y.Id)], [.. flagships.Select(f => new MentorSeats(f.Id, f.Capacity))], pairs));

        Assert.Equal(optimum.Matched, _proposal.Pairs.Count);
        Assert.Equal(optimum.Total, _proposal.TotalScore, 9);
    }
}
