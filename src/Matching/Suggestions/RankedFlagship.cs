using MentorBot.Matching.Scoring;

namespace MentorBot.Matching.Suggestions;

/// <summary>
/// One flagship ranked for a young director, for a coordinator who picks by hand: the score, the reasons, and when the
/// engine would not suggest this flagship, why not.
/// </summary>
public sealed record RankedFlagship(string MentorId, double Score, string Reason, ShortlistMiss? Miss);

/// <summary>Why the engine left a flagship out of a young director's suggestions; the first that applies.</summary>
public enum ShortlistMiss
{
    /// <summary>A request to this flagship was declined or expired, or a coordinator excluded the pair.</summary>
    DeclinedOrExcluded,

    /// <summary>The flagship is in another region and regions are not crossed.</summary>
    OtherRegion,

    /// <summary>The flagship's places are all taken.</summary>
    NoFreePlace,

    /// <summary>None of the flagship's strengths is among the young director's deficits.</summary>
    NoCoverage,

    /// <summary>The flagship fits, but the suggestions were already filled with flagships who scored higher.</summary>
    BelowShortlist,
}

/// <summary>The Russian words for each <see cref="ShortlistMiss"/>, for the coordinator who reads the ranking.</summary>
public static class ShortlistMisses
{
    public static string Text(ShortlistMiss miss, int shortlistSize) => miss switch
    {
        ShortlistMiss.DeclinedOrExcluded => "запрос этому флагману уже отклонён или истёк, либо пара исключена координатором",
        ShortlistMiss.OtherRegion => "флагман из другого региона",
        ShortlistMiss.NoFreePlace => "у флагмана нет свободных мест",
        ShortlistMiss.NoCoverage => "флагман не закрывает ни одного из дефицитов молодого директора",
        ShortlistMiss.BelowShortlist =>
            $"в подборку вошли {RussianNumerals.Agree(shortlistSize, "флагман", "флагмана", "флагманов")} с более высоким баллом",
        _ => throw new ArgumentOutOfRangeException(nameof(miss), miss, null),
    };
}
