namespace MentorBot.Matching.Proposals;

/// <summary>Why a young director got no mentor, from the first obstacle on the way to one.</summary>
public enum UnmatchedCause
{
    /// <summary>The profile lists no deficits, so there is nothing to match on.</summary>
    NoDeficits,

    /// <summary>No flagship is within reach (the region, unless regions may be crossed).</summary>
    NoFlagships,

    /// <summary>Every flagship within reach is at capacity.</summary>
    NoFreePlaces,

    /// <summary>No flagship within reach has a strength among the deficits.</summary>
    NoCoverage,

    /// <summary>The flagships that cover a deficit are at capacity.</summary>
    CoveringFlagshipsFull,

    /// <summary>The flagships that fit were declined before or excluded by a coordinator.</summary>
    DeclinedOrExcluded,

    /// <summary>There were candidates, but their places went to others so that more young directors get a mentor.</summary>
    PlacesTaken,
}

/// <summary>The Russian sentence for each cause, phrased for the young director or for whoever reads about them.</summary>
public static class UnmatchedReasons
{
    public static string Text(UnmatchedCause cause, bool acrossRegions, Scoring.Reader reader = Scoring.Reader.Mentee) =>
        reader == Scoring.Reader.Mentee ? ToMentee(cause, acrossRegions) : AboutMentee(cause, acrossRegions);

    private static string AboutMentee(UnmatchedCause cause, bool acrossRegions) => cause switch
    {
        UnmatchedCause.NoDeficits => "в профиле молодого директора не указаны дефициты, подбирать не по чему",
        UnmatchedCause.NoFlagships => acrossRegions ? "нет ни одного флагмана" : "в регионе нет флагманов",
        UnmatchedCause.NoFreePlaces => acrossRegions
            ? "нет флагманов со свободными местами"
            : "нет флагманов со свободными местами в регионе",
        UnmatchedCause.NoCoverage => acrossRegions
            ? "никто из флагманов не закрывает дефициты молодого директора"
            : "никто из флагманов региона не закрывает дефициты молодого директора",
        UnmatchedCause.CoveringFlagshipsFull => "у флагманов, закрывающих дефициты молодого директора, нет свободных мест",
        UnmatchedCause.DeclinedOrExcluded => "подходящие флагманы уже отклонили запрос или исключены координатором",
        UnmatchedCause.PlacesTaken => "все места у подходящих флагманов распределены между другими молодыми директорами",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    private static string ToMentee(UnmatchedCause cause, bool acrossRegions) => cause switch
    {
        UnmatchedCause.NoDeficits => "в профиле не указаны дефициты, подбирать не по чему",
        UnmatchedCause.NoFlagships => acrossRegions ? "нет ни одного флагмана" : "в вашем регионе нет флагманов",
        UnmatchedCause.NoFreePlaces => acrossRegions
            ? "нет флагманов со свободными местами"
            : "нет флагманов со свободными местами в регионе",
        UnmatchedCause.NoCoverage => acrossRegions
            ? "никто из флагманов не закрывает ваши дефициты"
            : "никто из флагманов региона не закрывает ваши дефициты",
        UnmatchedCause.CoveringFlagshipsFull => "у флагманов, закрывающих ваши дефициты, нет свободных мест",
        UnmatchedCause.DeclinedOrExcluded => "подходящие флагманы уже отклонили запрос или исключены координатором",
        UnmatchedCause.PlacesTaken => "все места у подходящих флагманов распределены между другими молодыми директорами",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };
}
