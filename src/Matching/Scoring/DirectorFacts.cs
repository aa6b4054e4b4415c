using System.Numerics;
using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Scoring;

/// <summary>A profile prepared for scoring many pairs: code sets as masks, names trimmed.</summary>
internal sealed class DirectorFacts
{
    public DirectorFacts(DirectorProfile profile, CodeBook codes)
    {
        Profile = profile;
        District = profile.District.Trim();
        Region = profile.Region.Trim();
        var deficits = profile.Deficits.Distinct(StringComparer.Ordinal).ToArray();
        Deficits = deficits;
        DeficitBits = [.. deficits.Select(codes.Bit)];
        DeficitMask = codes.Mask(deficits);
        StrengthMask = codes.Mask(profile.Strengths);
        OfferMask = codes.Mask(profile.Offers);
        WantMask = codes.Mask(profile.WantsToLearn);
    }

    public DirectorProfile Profile { get; }
    public string Id => Profile.Id;
    public string District { get; }
    public string Region { get; }

    /// <summary>Distinct deficits, the most pressing first.</summary>
    public IReadOnlyList<string> Deficits { get; }
    public ulong[] DeficitBits { get; }
    public ulong DeficitMask { get; }
    public ulong StrengthMask { get; }
    public ulong OfferMask { get; }
    public ulong WantMask { get; }

    public int FreePlaces => Math.Max(0, Profile.Capacity - Profile.CurrentLoad);

    public bool Covers(DirectorFacts mentee) => (StrengthMask & mentee.DeficitMask) != 0;

    public bool SameDistrict(DirectorFacts other) =>
        string.Equals(District, other.District, StringComparison.OrdinalIgnoreCase)
        && SameRegion(other);

    public bool SameRegion(DirectorFacts other) => string.Equals(Region, other.Region, StringComparison.OrdinalIgnoreCase);

    public static int Count(ulong mask) => BitOperations.PopCount(mask);
}
