using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MentorBot.Bot.Tests.Support;

/// <summary>Test profiles with sensible defaults: <c>DirectorBuilder.Young(7).InDistrict("dinskoy").WithDeficits("legal")</c>.</summary>
public sealed class DirectorBuilder
{
    private DirectorProfile _profile;

    private DirectorBuilder(DirectorProfile profile) => _profile = profile;

    public static DirectorBuilder Young(long userId) => new(new DirectorProfile
    {
        UserId = userId,
        Role = DirectorRole.Young,
        Status = ProfileStatus.Active,
        FullName = $"Молодой Директор {userId}",
        Position = "директор",
        School = $"СОШ № {userId % 100}",
        District = "dinskoy",
        Settlement = "ст. Динская",
        SettlementKind = SettlementKind.Rural,
        SizeBand = SizeBand.Small,
        SchoolStatus = SchoolStatus.None,
        YearsAsDirector = 1,
        Deficits = ["legal", "team"],
        CreatedAt = TestClock.DefaultStart,
        UpdatedAt = TestClock.DefaultStart,
    });

    public static DirectorBuilder Flagship(long userId) => new(Young(userId)._profile with
    {
        Role = DirectorRole.Flagship,
        Status = ProfileStatus.Approved,
        FullName = $"Флагман Директор {userId}",
        YearsAsDirector = 12,
        Capacity = 2,
        Deficits = [],
        Strengths = ["legal", "team", "parents"],
    });

    public DirectorBuilder Pending() => With(p => p with { Status = ProfileStatus.Pending });
    public DirectorBuilder Named(string name) => With(p => p with { FullName = name });
    public DirectorBuilder InDistrict(string district) => With(p => p with { District = district });
    public DirectorBuilder AtSchool(string school) => With(p => p with { School = school });
    public DirectorBuilder InSettlement(string settlement) => With(p => p with { Settlement = settlement });
    public DirectorBuilder Urban() => With(p => p with { SettlementKind = SettlementKind.Urban });
    public DirectorBuilder WithDeficits(params string[] codes) => With(p => p with { Deficits = codes });
    public DirectorBuilder WithStrengths(params string[] codes) => With(p => p with { Strengths = codes });
    public DirectorBuilder WithOffers(params string[] codes) => With(p => p with { Offers = codes });
    public DirectorBuilder WithWants(params string[] codes) => With(p => p with { WantsToLearn = codes });
    public DirectorBuilder WithCapacity(int capacity) => With(p => p with { Capacity = capacity });
    public DirectorBuilder WithUsername(string username) => With(p => p with { Username = username });
    public DirectorBuilder WithNote(string note) => With(p => p with { Note = note });

    public DirectorProfile Build() => _profile;

    /// <summary>Stores the profile with its consent, as registration would.</summary>
    public async Task<DirectorProfile> SaveAsync(BotHarness bot)
    {
        await bot.InScopeAsync(async services =>
        {
            await services.GetRequiredService<ConsentRepository>().RecordAsync(_profile.UserId, "test", _profile.CreatedAt);
            await services.GetRequiredService<PeopleRepository>().SaveAsync(_profile);
        });
        return _profile;
    }

    private DirectorBuilder With(Func<DirectorProfile, DirectorProfile> change)
    {
        _profile = change(_profile);
        return this;
    }
}

/// <summary>Seeds coordinators the way configuration or an invite would.</summary>
public static class CoordinatorSeed
{
    public static Task AddAsync(BotHarness bot, long userId, params string[] districts) =>
        bot.InScopeAsync(services => services.GetRequiredService<CoordinatorRepository>()
            .UpsertAsync(new CoordinatorRecord(userId, $"Координатор {userId}", null, districts, "test"), TestClock.DefaultStart));

    public static Task AddRegionalAsync(BotHarness bot, long userId, string region) =>
        bot.InScopeAsync(services => services.GetRequiredService<CoordinatorRepository>()
            .UpsertAsync(new CoordinatorRecord(userId, $"Координатор {userId}", region, [], "test"), TestClock.DefaultStart));
}
