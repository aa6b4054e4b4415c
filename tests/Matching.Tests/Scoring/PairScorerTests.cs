using MentorBot.Matching.Profiles;
using MentorBot.Matching.Scoring;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Scoring;

public sealed class PairScorerTests
{
    [Fact]
    public void A_perfect_pair_scores_one_and_reads_as_one_sentence()
    {
        var mentee = DirectorBuilder.Young().Rural().Sized(SchoolSize.Small).WithDeficits("team", "legal", "parents").Offering("digital");
        var flagship = DirectorBuilder.Flagship().Rural().Sized(SchoolSize.Small).WithStrengths("team", "legal", "parents").WantingToLearn("digital");

        var score = new PairScorer(new MatchingOptions()).Explain(mentee, flagship);

        Assert.Equal(1, score.Score, 12);
        Assert.Equal(
            "закрывает все ваши дефициты: делегирование, правовые вопросы, работа с родителями; тот же район; тоже сельская школа; "
            + "тоже небольшая школа; в ответ вы можете помочь: цифровая среда; пока без подопечных",
            score.Reason);
    }

    [Fact]
    public void A_score_is_the_sum_of_contributions_and_stays_in_the_unit_interval()
    {
        var random = new Random(5);
        var codes = Taxonomy.Default.Codes.ToArray();
        var scorer = new PairScorer(new MatchingOptions { ProximityWeight = 3, LoadWeight = 0 });
        for (var i = 0; i < 500; i++)
        {
            var score = scorer.Explain(
                DirectorBuilder.Young().WithDeficits(random.GetItems(codes, 3)).Offering(random.GetItems(codes, 2)),
                DirectorBuilder.Flagship().InDistrict(random.Next(2) == 0 ? "Динской район" : "Ейский район")
                    .WithStrengths(random.GetItems(codes, 4)).WantingToLearn(random.GetItems(codes, 2)));

            Assert.InRange(score.Score, PairScorer.MinimumScore, 1);
            Assert.Equal(Math.Max(PairScorer.MinimumScore, score.Contributions.Sum(c => c.Value)), score.Score, 12);
        }
    }

    [Fact]
    public void Labels_come_from_the_callers_taxonomy()
    {
        var taxonomy = Taxonomy.Default.With([KeyValuePair.Create("legal", "юридические вопросы")]);

        var score = new PairScorer(new MatchingOptions(), taxonomy)
            .Explain(DirectorBuilder.Young().WithDeficits("legal"), DirectorBuilder.Flagship().WithStrengths("legal"));

        Assert.StartsWith("закрывает ваш дефицит: юридические вопросы", score.Reason);
    }

    [Theory]
    [InlineData(nameof(MatchingOptions.CoverageWeight), 0)]
    [InlineData(nameof(MatchingOptions.LoadWeight), -1)]
    [InlineData(nameof(MatchingOptions.CandidatesPerMentee), 0)]
    public void Rejects_options_that_cannot_work(string property, double value)
    {
        var options = new MatchingOptions();
        var setter = typeof(MatchingOptions).GetProperty(property)!;
        setter.SetValue(options, Convert.ChangeType(value, setter.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Throws<MatchingInputException>(() => new PairScorer(options));
    }
}
