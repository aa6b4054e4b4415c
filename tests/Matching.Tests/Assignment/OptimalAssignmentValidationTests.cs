using MentorBot.Matching.Assignment;

namespace MentorBot.Matching.Tests.Assignment;

public sealed class OptimalAssignmentValidationTests
{
    public static TheoryData<AssignmentInstance, string> Malformed => new()
    {
        { Instance(mentees: ["y1", "y1"]), "mentees[1].id: duplicate id \"y1\", first listed as mentees[0]" },
        { Instance(mentees: [""]), "mentees[0].id: missing or empty id" },
        { Instance(mentors: [new("f1", 1), new("f1", 2)]), "mentors[1].id: duplicate id \"f1\", first listed as mentors[0]" },
        { Instance(mentors: [new("f1", 0)]), "mentors[0].capacity: must be positive, got 0" },
        { Instance(mentors: [new("f1", -2)]), "mentors[0].capacity: must be positive, got -2" },
        { Instance(pairs: [new("y9", "f1", 0.5)]), "pairs[0].mentee: unknown mentee id \"y9\"" },
        { Instance(pairs: [new("y1", "f1", 0.5), new("y1", "f9", 0.5)]), "pairs[1].mentor: unknown mentor id \"f9\"" },
        { Instance(pairs: [new("y1", "f1", double.NaN)]), "pairs[0].score: NaN is not a score; expected a number in (0, 1]" },
        { Instance(pairs: [new("y1", "f1", 0)]), "pairs[0].score: must be in (0, 1], got 0" },
        { Instance(pairs: [new("y1", "f1", 1.5)]), "pairs[0].score: must be in (0, 1], got 1.5" },
        { Instance(pairs: [new("y1", "f1", double.PositiveInfinity)]), "pairs[0].score: must be in (0, 1], got Infinity" },
        {
            Instance(pairs: [new("y1", "f1", 0.5), new("y2", "f1", 0.5), new("y1", "f1", 0.7)]),
            "pairs[2]: duplicate pair \"y1\" – \"f1\", first listed as pairs[0]"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Names_what_is_wrong(AssignmentInstance instance, string message)
    {
        var error = Assert.Throws<MatchingInputException>(() => OptimalAssignment.Solve(instance));

        Assert.Equal(message, error.Message);
    }

    private static AssignmentInstance Instance(string[]? mentees = null, MentorSeats[]? mentors = null, ScoredPair[]? pairs = null) =>
        new(mentees ?? ["y1", "y2"], mentors ?? [new("f1", 1)], pairs ?? []);
}
