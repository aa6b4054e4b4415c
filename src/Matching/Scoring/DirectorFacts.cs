using System.Numerics;
using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>A profile prepared for scoring many pairs: code sets as masks, places as keys.</summary>
internal sealed class DirectorFacts
{
    public DirectorFacts(DirectorProfile profile, RunVocabulary vocabulary)
    {
        Profile = profile;
        Region = vocabulary.Place(profile.Region);
        // A district is only the same district within the same region.
        District = vocabulary.Place($"{profile.Region.Trim()}\n{profile.District.Trim()}");
        var deficits = profile.Deficits.Distinct(StringComparer.Ordinal).ToArray();
        Deficits = deficits;
        DeficitBits = [.. deficits.Select(vocabulary.Bit)];
        DeficitMask = vocabulary.Mask(deficits);
        StrengthMask = vocabulary.Mask(profile.Strengths);
        OfferMask = vocabulary.Mask(profile.Offers);
        WantMask = vocabulary.Mask(profile.WantsToLearn);
    }

    public DirectorProfile Profile { get; }
    public string Id => Profile.Id;
    public int Region { get; }
    public int District { get; }

    /// <summary>Distinct deficits, the most pressing first.</summary>
    public IReadOnlyList<string> Deficits { get; }
    public ulong[] DeficitBits { get; }
    public ulong DeficitMask { get; }
    public ulong StrengthMask { get; }
    public ulong OfferMask { get; }
    public ulong WantMask { get; }

    public int FreePlaces => Math.Max(0, Profile.Capacity - Profile.CurrentLoad);

    public bool SameDistrict(DirectorFacts other) => District == other.District;

    public static int Count(ulong mask) => BitOperations.PopCount(mask);
}
