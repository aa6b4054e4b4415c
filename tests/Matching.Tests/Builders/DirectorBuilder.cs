using MentorBot.Matching.Profiles;

namespace MentorBot.Matching.Tests.Builders;

/// <summary>Invented directors for tests: <c>DirectorBuilder.Young("y9").InDistrict("Динской район").WithDeficits("legal", "team")</c>.</summary>
public sealed class DirectorBuilder
{
    public const string Region = "Краснодарский край";
    public const string District = "Динской район";

    private static int _next;
    private DirectorProfile _profile;

    private DirectorBuilder(string? id, DirectorRole role) =>
        _profile = new DirectorProfile
        {
            Id = id ?? $"{(role == DirectorRole.Young ? "y" : "f")}{Interlocked.Increment(ref _next)}",
            Role = role,
            District = District,
            Region = Region,
        };

    public static DirectorBuilder Young(string? id = null) => new(id, DirectorRole.Young);

    /// <summary>A flagship with one free place unless told otherwise.</summary>
    public static DirectorBuilder Flagship(string? id = null) => new DirectorBuilder(id, DirectorRole.Flagship).WithCapacity(1);

    public DirectorBuilder InDistrict(string district) => With(p => p with { District = district });
    public DirectorBuilder InRegion(string region) => With(p => p with { Region = region });
    public DirectorBuilder At(double latitude, double longitude) => With(p => p with { Location = new GeoPoint(latitude, longitude) });
    public DirectorBuilder Rural() => With(p => p with { Settlement = SettlementKind.Rural });
    public DirectorBuilder Urban() => With(p => p with { Settlement = SettlementKind.Urban });
    public DirectorBuilder Sized(SchoolSize size) => With(p => p with { Size = size });
    public DirectorBuilder WithStatus(SchoolStatus status) => With(p => p with { Status = status });
    public DirectorBuilder WithDeficits(params string[] codes) => With(p => p with { Deficits = codes });
    public DirectorBuilder WithStrengths(params string[] codes) => With(p => p with { Strengths = codes });
    public DirectorBuilder Offering(params string[] codes) => With(p => p with { Offers = codes });
    public DirectorBuilder WantingToLearn(params string[] codes) => With(p => p with { WantsToLearn = codes });
    public DirectorBuilder WithCapacity(int capacity, int load = 0) => With(p => p with { Capacity = capacity, CurrentLoad = load });

    public DirectorProfile Build() => _profile;

    public static implicit operator DirectorProfile(DirectorBuilder builder) => builder.Build();

    private DirectorBuilder With(Func<DirectorProfile, DirectorProfile> change)
    {
        _profile = change(_profile);
        return this;
    }
}
