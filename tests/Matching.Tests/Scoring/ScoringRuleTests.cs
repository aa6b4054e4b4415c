using MentorBot.Matching.Profiles;
using MentorBot.Matching.Scoring;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Scoring;

/// <summary>One test per rule: what it adds to the score and what it says.</summary>
public sealed class ScoringRuleTests
{
    private static readonly PairScorer Scorer = new(new MatchingOptions());

    [Fact]
    public void Coverage_weighs_deficits_by_priority_and_names_the_covered_ones_in_that_order()
    {
        var mentee = DirectorBuilder.Young().WithDeficits("team", "legal", "parents", "finance");
        var first = Scorer.Explain(mentee, DirectorBuilder.Flagship().WithStrengths("team"))["coverage"];
        var last = Scorer.Explain(mentee, DirectorBuilder.Flagship().WithStrengths("finance"))["coverage"];
        var three = Scorer.Explain(mentee, DirectorBuilder.Flagship().WithStrengths("parents", "legal", "team", "digital"))["coverage"];
        var all = Scorer.Explain(mentee, DirectorBuilder.Flagship().WithStrengths("team", "legal", "parents", "finance"))["coverage"];

        // Weights 4, 3, 2, 1 out of 10, times the rule's share of the total weight (0.5).
        Assert.Equal(0.5 * 4 / 10, first.Value, 12);
        Assert.Equal(0.5 * 1 / 10, last.Value, 12);
        Assert.Equal(0.5 * 9 / 10, three.Value, 12);
        Assert.Equal(0.5, all.Value, 12);
        Assert.Equal("закрывает 3 из 4 ваших дефицитов: делегирование, правовые вопросы, работа с родителями", three.Reason);
        Assert.Equal("закрывает все ваши дефициты: делегирование, правовые вопросы, работа с родителями, финансы и закупки", all.Reason);
    }

    [Fact]
    public void Coverage_of_a_single_deficit_or_of_none_reads_naturally()
    {
        var flagship = DirectorBuilder.Flagship().WithStrengths("legal");

        Assert.Equal("закрывает ваш дефицит: правовые вопросы", Scorer.Explain(DirectorBuilder.Young().WithDeficits("legal"), flagship)["coverage"].Reason);
        var none = Scorer.Explain(DirectorBuilder.Young().WithDeficits("team"), flagship)["coverage"];
        Assert.Equal(0, none.Value);
        Assert.Equal("не закрывает ни одного из ваших дефицитов", none.Reason);
    }

    [Fact]
    public void Proximity_uses_the_real_distance_when_both_schools_have_coordinates()
    {
        var mentee = DirectorBuilder.Young().At(45.21, 39.22);
        var neighbour = Scorer.Explain(mentee, DirectorBuilder.Flagship().At(45.28, 39.22))["proximity"];
        var sameDistrictFar = Scorer.Explain(mentee, DirectorBuilder.Flagship().At(45.21, 39.69))["proximity"];
        var near = Scorer.Explain(mentee, DirectorBuilder.Flagship().InDistrict("Усть-Лабинский район").At(45.21, 39.69))["proximity"];
        var far = Scorer.Explain(mentee, DirectorBuilder.Flagship().InDistrict("Ейский район").At(46.71, 38.27))["proximity"];

        // About 8 km: within the close 10 km, the full weight.
        Assert.Equal(0.2, neighbour.Value, 12);
        Assert.Equal("тот же район, в 8 км", neighbour.Reason);
        // About 37 km: (100 − 37) / (100 − 10) of the weight, in the same district or not.
        Assert.InRange(sameDistrictFar.Value, 0.2 * 0.69, 0.2 * 0.71);
        Assert.Equal("тот же район, в 37 км", sameDistrictFar.Reason);
        Assert.Equal(sameDistrictFar.Value, near.Value, 12);
        Assert.Equal("другой район, в 37 км", near.Reason);
        Assert.Equal(0, far.Value);
        Assert.Null(far.Reason);
    }

    [Fact]
    public void Without_coordinates_on_both_sides_proximity_falls_back_to_the_district()
    {
        var mentee = DirectorBuilder.Young().At(45.21, 39.22);
        var sameDistrict = Scorer.Explain(mentee, DirectorBuilder.Flagship())["proximity"];
        var otherDistrict = Scorer.Explain(mentee, DirectorBuilder.Flagship().InDistrict("Ейский район"))["proximity"];

        Assert.Equal(0.2, sameDistrict.Value, 12);
        Assert.Equal("тот же район", sameDistrict.Reason);
        Assert.Equal(0, otherDistrict.Value);
        Assert.Null(otherDistrict.Reason);
    }

    [Fact]
    public void The_close_distance_and_the_range_are_configured()
    {
        var scorer = new PairScorer(new MatchingOptions { ProximityCloseKm = 40, ProximityRangeKm = 50 });
        var mentee = DirectorBuilder.Young().At(45.21, 39.22);

        Assert.Equal(0.2, scorer.Explain(mentee, DirectorBuilder.Flagship().At(45.21, 39.69))["proximity"].Value, 12);
        Assert.Throws<MatchingInputException>(() => new MatchingOptions { ProximityCloseKm = 100, ProximityRangeKm = 100 }.Validate());
    }

    [Fact]
    public void A_district_of_the_same_name_in_another_region_is_not_the_same_district()
    {
        var score = Scorer.Explain(DirectorBuilder.Young(), DirectorBuilder.Flagship().InRegion("Другой край"))["proximity"];

        Assert.Equal(0, score.Value);
    }

    [Fact]
    public void Settlement_rewards_both_rural_or_both_urban()
    {
        var rural = Scorer.Explain(DirectorBuilder.Young().Rural(), DirectorBuilder.Flagship().Rural())["settlement"];
        var urban = Scorer.Explain(DirectorBuilder.Young().Urban(), DirectorBuilder.Flagship().Urban())["settlement"];
        var mixed = Scorer.Explain(DirectorBuilder.Young().Rural(), DirectorBuilder.Flagship().Urban())["settlement"];

        Assert.Equal(0.07, rural.Value, 12);
        Assert.Equal("тоже сельская школа", rural.Reason);
        Assert.Equal("тоже городская школа", urban.Reason);
        Assert.Equal(0, mixed.Value);
        Assert.Null(mixed.Reason);
    }

    [Fact]
    public void Size_rewards_the_same_size_band()
    {
        var same = Scorer.Explain(DirectorBuilder.Young().Sized(SchoolSize.Small), DirectorBuilder.Flagship().Sized(SchoolSize.Small))["size"];
        var other = Scorer.Explain(DirectorBuilder.Young().Sized(SchoolSize.Small), DirectorBuilder.Flagship().Sized(SchoolSize.Large))["size"];

        Assert.Equal(0.05, same.Value, 12);
        Assert.Equal("тоже небольшая школа", same.Reason);
        Assert.Equal(0, other.Value);
        Assert.Null(other.Reason);
    }

    [Fact]
    public void Status_rewards_the_same_low_results_status_and_names_it()
    {
        var shnor = Scorer.Explain(
            DirectorBuilder.Young().WithStatus(SchoolStatus.LowResults), DirectorBuilder.Flagship().WithStatus(SchoolStatus.LowResults))["status"];
        var ordinary = Scorer.Explain(DirectorBuilder.Young(), DirectorBuilder.Flagship())["status"];
        var different = Scorer.Explain(DirectorBuilder.Young().WithStatus(SchoolStatus.UnfavourableConditions), DirectorBuilder.Flagship())["status"];

        Assert.Equal(0.05, shnor.Value, 12);
        Assert.Equal("тот же статус: ШНОР", shnor.Reason);
        Assert.Equal(0.05, ordinary.Value, 12);
        Assert.Null(ordinary.Reason);
        Assert.Equal(0, different.Value);
    }

    [Fact]
    public void Reciprocity_rewards_offers_that_meet_what_the_flagship_wants_to_learn()
    {
        var flagship = DirectorBuilder.Flagship().WantingToLearn("digital", "research");
        var half = Scorer.Explain(DirectorBuilder.Young().Offering("research", "culture"), flagship)["reciprocity"];
        var full = Scorer.Explain(DirectorBuilder.Young().Offering("research", "digital"), flagship)["reciprocity"];
        var none = Scorer.Explain(DirectorBuilder.Young().Offering("culture"), flagship)["reciprocity"];

        Assert.Equal(0.04, half.Value, 12);
        Assert.Equal("в ответ вы можете помочь: проектная деятельность учащихся", half.Reason);
        Assert.Equal(0.08, full.Value, 12);
        Assert.Equal("в ответ вы можете помочь: цифровая среда, проектная деятельность учащихся", full.Reason);
        Assert.Equal(0, none.Value);
        Assert.Null(none.Reason);
    }

    [Fact]
    public void Load_prefers_flagships_with_more_free_places()
    {
        var idle = Scorer.Explain(DirectorBuilder.Young(), DirectorBuilder.Flagship().WithCapacity(3))["load"];
        var busy = Scorer.Explain(DirectorBuilder.Young(), DirectorBuilder.Flagship().WithCapacity(3, load: 1))["load"];
        var last = Scorer.Explain(DirectorBuilder.Young(), DirectorBuilder.Flagship().WithCapacity(5, load: 4))["load"];

        Assert.Equal(0.05, idle.Value, 12);
        Assert.Equal("пока без подопечных", idle.Reason);
        Assert.Equal(0.05 * 2 / 3, busy.Value, 12);
        Assert.Equal("свободно 2 места из 3", busy.Reason);
        Assert.Equal("свободно 1 место из 5", last.Reason);
    }
}
