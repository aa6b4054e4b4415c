namespace MentorBot.Matching.Profiles;

/// <summary>Rejects profiles the engine cannot reason about, naming the item as <c>directors[i].field</c>.</summary>
internal static class DirectorValidation
{
    public static void Check(IReadOnlyList<DirectorProfile> directors)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < directors.Count; i++)
        {
            var d = directors[i] ?? throw Invalid(i, "", "missing profile");
            if (string.IsNullOrWhiteSpace(d.Id))
                throw Invalid(i, ".id", "missing or empty id");
            if (!seen.TryAdd(d.Id, i))
                throw Invalid(i, ".id", $"duplicate id \"{d.Id}\", first listed as directors[{seen[d.Id]}]");
            if (!Enum.IsDefined(d.Role))
                throw Invalid(i, ".role", $"unknown role {d.Role}");
            if (string.IsNullOrWhiteSpace(d.District))
                throw Invalid(i, ".district", "missing or empty");
            if (string.IsNullOrWhiteSpace(d.Region))
                throw Invalid(i, ".region", "missing or empty");
            if (d.Capacity < 0)
                throw Invalid(i, ".capacity", $"must not be negative, got {d.Capacity}");
            if (d.CurrentLoad < 0)
                throw Invalid(i, ".load", $"must not be negative, got {d.CurrentLoad}");
            if (d.Location is { } at && !(Math.Abs(at.Latitude) <= 90 && Math.Abs(at.Longitude) <= 180))
                throw Invalid(i, ".location", $"({at.Latitude}, {at.Longitude}) is not a point on Earth");
            CheckCodes(i, ".deficits", d.Deficits);
            CheckCodes(i, ".strengths", d.Strengths);
            CheckCodes(i, ".offers", d.Offers);
            CheckCodes(i, ".wantsToLearn", d.WantsToLearn);
        }
    }

    private static void CheckCodes(int i, string field, IReadOnlyList<string>? codes)
    {
        if (codes is null)
            throw Invalid(i, field, "must be a list of codes");
        for (var j = 0; j < codes.Count; j++)
        {
            if (string.IsNullOrWhiteSpace(codes[j]))
                throw Invalid(i, $"{field}[{j}]", "missing or empty code");
        }
    }

    private static MatchingInputException Invalid(int i, string field, string problem) =>
        new($"directors[{i}]{field}: {problem}");
}
