using MentorBot.Bot.Catalog;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Reminders.Digest;

/// <summary>Profiles created in the coordinator's districts during the week.</summary>
public sealed class NewRegistrationsSection(DigestRepository digest, Districts districts) : IDigestSection
{
    public int Order => 100;

    public async Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        var registrations = await digest.RegistrationsSinceAsync(scope.Districts, scope.Since, cancellationToken);
        return ReminderTexts.DigestSection(ReminderTexts.NewRegistrationsTitle, registrations
            .Select(r => ReminderTexts.NewRegistration(r.FullName, r.Role == DirectorRole.Flagship, r.School, districts.Name(r.District)))
            .ToList());
    }
}

/// <summary>Flagships waiting for a coordinator's approval, the longest waiting first.</summary>
public sealed class PendingApprovalsSection(PeopleRepository people, Districts districts) : IDigestSection
{
    public int Order => 200;

    public async Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        var pending = await people.ListAsync(DirectorRole.Flagship, [ProfileStatus.Pending], scope.Districts, cancellationToken);
        return ReminderTexts.DigestSection(ReminderTexts.PendingApprovalsTitle, pending
            .Select(p => ReminderTexts.WaitingSince(
                ReminderTexts.Person(p.FullName, p.School, districts.Name(p.District)), (int)(scope.Now - p.CreatedAt).TotalDays))
            .ToList(), "/approvals");
    }
}

/// <summary>Active young directors whom <see cref="IMentoredDirectors"/> does not know to have a mentor.</summary>
public sealed class UnmatchedYoungDirectorsSection(PeopleRepository people, IMentoredDirectors mentored, Districts districts) : IDigestSection
{
    public int Order => 300;

    public async Task<HtmlText> RenderAsync(DigestScope scope, CancellationToken cancellationToken)
    {
        var young = await people.ListAsync(DirectorRole.Young, [ProfileStatus.Active], scope.Districts, cancellationToken);
        var withMentor = await mentored.AmongAsync(young.Select(p => p.UserId).ToList(), cancellationToken);
        return ReminderTexts.DigestSection(ReminderTexts.UnmatchedTitle, young
            .Where(p => !withMentor.Contains(p.UserId))
            .Select(p => ReminderTexts.Person(p.FullName, p.School, districts.Name(p.District)))
            .ToList());
    }
}
