using MentorBot.Matching.Profiles;
using MentorBot.Matching.Proposals;
using MentorBot.Matching.Tests.Builders;

namespace MentorBot.Matching.Tests.Proposals;

public sealed class ConstraintTests
{
    private static readonly MatchingEngine Engine = new(new MatchingOptions());

    private static readonly DirectorProfile Young = DirectorBuilder.Young("y1").WithDeficits("legal", "team");
    private static readonly DirectorProfile Best = DirectorBuilder.Flagship("f-best").WithStrengths("legal", "team");
    private static readonly DirectorProfile Second = DirectorBuilder.Flagship("f-second").WithStrengths("team");

    [Fact]
    public void A_declined_pair_is_never_proposed_again()
    {
        var proposal = Engine.Propose([Young, Best, Second], new MatchingConstraints { Declined = [new("y1", "f-best")] });

        Assert.Equal("f-second", Assert.Single(proposal.Pairs).MentorId);
    }

    [Fact]
    public void A_coordinators_exclusion_is_honoured_and_explained_when_nothing_is_left()
    {
        var proposal = Engine.Propose([Young, Best], new MatchingConstraints { Excluded = [new("y1", "f-best")] });

        var unmatched = Assert.Single(proposal.Unmatched);
        Assert.Equal(UnmatchedCause.DeclinedOrExcluded, unmatched.Cause);
        Assert.Equal("подходящие флагманы уже отклонили запрос или исключены координатором", unmatched.Reason);
    }

    [Fact]
    public void A_pinned_pair_is_kept_marked_and_takes_a_place()
    {
        DirectorProfile other = DirectorBuilder.Young("y2").WithDeficits("legal", "team");

        var proposal = Engine.Propose([Young, other, Best, Second], new MatchingConstraints { Pinned = [new("y1", "f-second")] });

        var pinned = proposal.Pairs.Single(p => p.MenteeId == "y1");
        Assert.True(pinned.Pinned);
        Assert.Equal("f-second", pinned.MentorId);
        Assert.StartsWith("закрывает 1 из 2 ваших дефицитов: делегирование", pinned.Reason);
        Assert.Equal("f-best", proposal.Pairs.Single(p => p.MenteeId == "y2").MentorId);
    }

    [Fact]
    public void A_pinned_pair_uses_up_the_flagships_last_place()
    {
        DirectorProfile other = DirectorBuilder.Young("y2").WithDeficits("legal");

        var proposal = Engine.Propose([Young, other, Best], new MatchingConstraints { Pinned = [new("y1", "f-best")] });

        Assert.Equal(UnmatchedCause.NoFreePlaces, Assert.Single(proposal.Unmatched).Cause);
    }

    [Fact]
    public void Another_region_is_out_of_reach_unless_allowed()
    {
        DirectorProfile far = DirectorBuilder.Flagship("f-far").InRegion("Ростовская область").WithStrengths("legal");

        var closed = Engine.Propose([Young, far]);
        var open = Engine.Propose([Young, far], new MatchingConstraints { AllowCrossRegion = true });

        Assert.Equal("в вашем регионе нет флагманов", Assert.Single(closed.Unmatched).Reason);
        Assert.Equal("f-far", Assert.Single(open.Pairs).MentorId);
    }

    [Fact]
    public void A_flagship_at_capacity_is_not_proposed()
    {
        DirectorProfile full = DirectorBuilder.Flagship("f-full").WithStrengths("legal").WithCapacity(2, load: 2);

        var proposal = Engine.Propose([Young, full]);

        Assert.Equal("нет флагманов со свободными местами в регионе", Assert.Single(proposal.Unmatched).Reason);
    }

    [Fact]
    public void A_flagship_covering_no_deficit_is_not_a_mentor()
    {
        DirectorProfile unrelated = DirectorBuilder.Flagship("f-other").WithStrengths("preschool");

        var proposal = Engine.Propose([Young, unrelated]);

        Assert.Equal("никто из флагманов региона не закрывает ваши дефициты", Assert.Single(proposal.Unmatched).Reason);
    }

    [Fact]
    public void Flagships_that_cover_the_deficits_but_are_full_are_told_apart_from_no_free_places()
    {
        DirectorProfile full = DirectorBuilder.Flagship("f-full").WithStrengths("legal").WithCapacity(1, load: 1);
        DirectorProfile free = DirectorBuilder.Flagship("f-free").WithStrengths("preschool");

        var proposal = Engine.Propose([Young, full, free]);

        Assert.Equal("у флагманов, закрывающих ваши дефициты, нет свободных мест", Assert.Single(proposal.Unmatched).Reason);
    }

    [Fact]
    public void A_young_director_without_deficits_is_told_so()
    {
        var proposal = Engine.Propose([DirectorBuilder.Young("y0"), Best]);

        Assert.Equal(UnmatchedCause.NoDeficits, Assert.Single(proposal.Unmatched).Cause);
    }

    [Fact]
    public void A_young_director_who_loses_the_last_place_is_told_why()
    {
        DirectorProfile rival = DirectorBuilder.Young("y2").WithDeficits("legal", "team").Rural();
        DirectorProfile rural = DirectorBuilder.Flagship("f-rural").WithStrengths("legal", "team").Rural();

        var proposal = Engine.Propose([Young, rival, rural]);

        Assert.Equal("f-rural", proposal.Pairs.Single(p => p.MenteeId == "y2").MentorId);
        var unmatched = Assert.Single(proposal.Unmatched);
        Assert.Equal(("y1", UnmatchedCause.PlacesTaken), (unmatched.MenteeId, unmatched.Cause));
        Assert.Equal("все места у подходящих флагманов распределены между другими молодыми директорами", unmatched.Reason);
    }

    [Theory]
    [InlineData("y9", "f-best", "constraints.pinned[0].mentee: \"y9\" is not a young director of this run")]
    [InlineData("f-best", "f-best", "constraints.pinned[0].mentee: \"f-best\" is not a young director of this run")]
    [InlineData("y1", "y1", "constraints.pinned[0].mentor: \"y1\" is not a flagship of this run")]
    public void Rejects_a_pinned_pair_it_cannot_honour(string mentee, string mentor, string message)
    {
        var error = Assert.Throws<MatchingInputException>(() =>
            Engine.Propose([Young, Best], new MatchingConstraints { Pinned = [new(mentee, mentor)] }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Rejects_a_person_listed_twice()
    {
        var error = Assert.Throws<MatchingInputException>(() => Engine.Propose([Young, Best, DirectorBuilder.Flagship("y1")]));

        Assert.Equal("directors[2].id: duplicate id \"y1\", first listed as directors[0]", error.Message);
    }

    [Fact]
    public void The_proposal_does_not_depend_on_the_order_of_directors()
    {
        var directors = SeedDistrictTests.Directors.Concat(PruningTests.RandomDistrict(new Random(3), 30, 8)).ToList();

        var expected = Engine.Propose(directors);
        var shuffled = Engine.Propose(directors.OrderBy(_ => Guid.NewGuid()));

        Assert.Equal(expected.Pairs, shuffled.Pairs);
        Assert.Equal(expected.Unmatched, shuffled.Unmatched);
    }
}
