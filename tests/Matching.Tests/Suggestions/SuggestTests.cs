using MentorBot.Matching.Profiles;
using MentorBot.Matching.Proposals;
using MentorBot.Matching.Tests.Builders;
using MentorBot.Matching.Tests.Proposals;

namespace MentorBot.Matching.Tests.Suggestions;

public sealed class SuggestTests
{
    private static readonly IReadOnlyList<DirectorProfile> Flagships =
        [.. SeedDistrictTests.Directors.Where(d => d.Role == DirectorRole.Flagship)];

    [Fact]
    public void Lists_the_best_flagships_first_with_reasons()
    {
        var mentee = SeedDistrictTests.Directors.Single(d => d.Id == "school-9");

        var result = new MatchingEngine(new MatchingOptions { CandidatesPerMentee = 2 }).Suggest(mentee, Flagships);

        Assert.Equal(["school-1", "school-4"], result.Suggestions.Select(s => s.MentorId));
        Assert.True(result.Suggestions[0].Score > result.Suggestions[1].Score);
        Assert.Equal(
            "закрывает 1 из 3 ваших дефицитов: делегирование; тот же район; тоже сельская школа; тот же статус: ШНОР; пока без подопечных",
            result.Suggestions[1].Reason);
        Assert.Null(result.WhyNone);
    }

    [Fact]
    public void Leaves_out_declined_and_full_flagships()
    {
        var mentee = DirectorBuilder.Young().WithDeficits("legal");
        DirectorProfile declined = DirectorBuilder.Flagship("f1").WithStrengths("legal");
        DirectorProfile full = DirectorBuilder.Flagship("f2").WithStrengths("legal").WithCapacity(1, load: 1);
        DirectorProfile open = DirectorBuilder.Flagship("f3").WithStrengths("legal");

        var result = new MatchingEngine(new MatchingOptions())
            .Suggest(mentee, [declined, full, open], new MatchingConstraints { Declined = [new(mentee.Build().Id, "f1")] });

        Assert.Equal("f3", Assert.Single(result.Suggestions).MentorId);
    }

    [Fact]
    public void Says_why_there_is_nobody()
    {
        var result = new MatchingEngine(new MatchingOptions())
            .Suggest(DirectorBuilder.Young().WithDeficits("preschool"), Flagships);

        Assert.Empty(result.Suggestions);
        Assert.Equal(UnmatchedCause.NoCoverage, result.WhyNone);
        Assert.Equal("никто из флагманов региона не закрывает ваши дефициты", result.WhyNoneReason);
    }

    [Fact]
    public void Rejects_a_flagship_as_the_mentee()
    {
        var error = Assert.Throws<MatchingInputException>(() =>
            new MatchingEngine(new MatchingOptions()).Suggest(Flagships[0], Flagships.Skip(1)));

        Assert.Equal("directors[0].role: \"school-1\" must be Young, not Flagship", error.Message);
    }
}
