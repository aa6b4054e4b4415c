using MentorBot.Matching.Scoring;
using MentorBot.Matching.Suggestions;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Suggestions;

public sealed class RankTests
{
    private static readonly MatchingEngine Engine = new(new MatchingOptions { CandidatesPerMentee = 1 });

    [Fact]
    public void Ranks_every_flagship_by_score_and_says_why_each_one_outside_the_shortlist_was_left_out()
    {
        var mentee = DirectorBuilder.Young("y").WithDeficits("team", "legal").Build();
        var ranked = Engine.Rank(mentee,
        [
            DirectorBuilder.Flagship("best").WithStrengths("team", "legal"),
            DirectorBuilder.Flagship("second").WithStrengths("team"),
            DirectorBuilder.Flagship("full").WithStrengths("team", "legal").WithCapacity(1, load: 1),
            DirectorBuilder.Flagship("declined").WithStrengths("team", "legal"),
            DirectorBuilder.Flagship("unrelated").WithStrengths("finance"),
            DirectorBuilder.Flagship("far").WithStrengths("team").InRegion("Другой край"),
        ], new MatchingConstraints { Declined = [new DirectorPair("y", "declined")] });

        var misses = ranked.ToDictionary(r => r.MentorId, r => r.Miss);
        Assert.Null(misses["best"]);
        Assert.Equal(ShortlistMiss.BelowShortlist, misses["second"]);
        Assert.Equal(ShortlistMiss.NoFreePlace, misses["full"]);
        Assert.Equal(ShortlistMiss.DeclinedOrExcluded, misses["declined"]);
        Assert.Equal(ShortlistMiss.NoCoverage, misses["unrelated"]);
        Assert.Equal(ShortlistMiss.OtherRegion, misses["far"]);
        Assert.Equal(ranked.OrderByDescending(r => r.Score).Select(r => r.Score), ranked.Select(r => r.Score));
        Assert.Equal("в подборку вошли 1 флагман с более высоким баллом", ShortlistMisses.Text(ShortlistMiss.BelowShortlist, Engine.ShortlistSize));
    }

    [Theory]
    [InlineData(Reader.Mentee, "закрывает 1 из 2 ваших дефицитов: делегирование; тот же район; тоже сельская школа; в ответ вы можете помочь: цифровая среда; пока без подопечных")]
    [InlineData(Reader.Mentor, "вы закрываете 1 из 2 дефицитов молодого директора: делегирование; тот же район; тоже сельская школа; в ответ молодой директор может помочь вам: цифровая среда; у вас пока нет подопечных")]
    [InlineData(Reader.Coordinator, "флагман закрывает 1 из 2 дефицитов молодого директора: делегирование; тот же район; обе школы сельские; в ответ молодой директор может помочь флагману: цифровая среда; у флагмана пока нет подопечных")]
    public void Each_reader_reads_the_same_facts_in_their_own_words(Reader reader, string expected)
    {
        var mentee = DirectorBuilder.Young("y").Rural().WithDeficits("team", "finance").Offering("digital").Build();
        var mentor = DirectorBuilder.Flagship("f").Rural().WithStrengths("team").WantingToLearn("digital").Build();

        Assert.Equal(expected, Engine.Scorer.Explain(mentee, mentor, reader).Reason);
    }
}
