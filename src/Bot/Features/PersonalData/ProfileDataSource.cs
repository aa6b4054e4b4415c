using System.Text.Json.Nodes;
using MentorBot.Bot.Catalog;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>The foundation's and the profile's part: consent, profile and codes, coordinator role, invites, dialog, chat.</summary>
public sealed class ProfileDataSource(
    ConsentRepository consents,
    PeopleRepository people,
    CoordinatorRepository coordinators,
    InviteRepository invites,
    ConversationRepository conversations,
    ChatRepository chats,
    OutboxRepository outbox,
    MatchRunRepository matchRuns,
    Taxonomy taxonomy,
    Districts districts) : IPersonalDataSource
{
    /// <summary>Last: other features read the profile while they erase their own parts.</summary>
    public int ErasureOrder => 1000;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var json = export.Json;
        json["telegram_user_id"] = userId;
        var account = new List<HtmlText> { PersonalDataTexts.TelegramId(userId) };
        if (await consents.ConsentedAtAsync(userId, cancellationToken) is { } consentedAt)
        {
            json["consent"] = new JsonObject { ["given_at"] = consentedAt.ToString("O") };
            account.Add(PersonalDataTexts.ConsentGiven(export.Local(consentedAt)));
        }
        var profile = await people.FindAsync(userId, cancellationToken);
        if (profile is not null)
        {
            account.Add(PersonalDataTexts.Username(profile.Username));
        }
        var used = await invites.UsedByAsync(userId, cancellationToken);
        if (used.Count > 0)
        {
            json["invites_used"] = new JsonArray(used.Select(i => (JsonNode)new JsonObject { ["role"] = i.Role, ["district"] = i.District }).ToArray());
            account.AddRange(used.Select(i => PersonalDataTexts.InviteUsed(i.Role, i.District is null ? null : districts.Name(i.District))));
        }
        export.AddSection(PersonalDataTexts.AccountTitle, account);
        if (profile is not null)
        {
            json["profile"] = new JsonObject
            {
                ["role"] = profile.Role.ToString(),
                ["status"] = profile.Status.ToString(),
                ["full_name"] = profile.FullName,
                ["position"] = profile.Position,
                ["school"] = profile.School,
                ["district"] = profile.District,
                ["settlement"] = profile.Settlement,
                ["settlement_kind"] = profile.SettlementKind.ToString(),
                ["size_band"] = profile.SizeBand.ToString(),
                ["school_status"] = profile.SchoolStatus.ToString(),
                ["years_as_director"] = profile.YearsAsDirector,
                ["capacity"] = profile.Capacity,
                ["note"] = profile.Note,
                ["telegram_username"] = profile.Username,
                ["available_for_mentees"] = profile.IsAvailable,
                ["deficits_by_priority"] = Codes(profile.Deficits),
                ["strengths"] = Codes(profile.Strengths),
                ["offers"] = Codes(profile.Offers),
                ["wants_to_learn"] = Codes(profile.WantsToLearn),
                ["created_at"] = profile.CreatedAt.ToString("O"),
                ["updated_at"] = profile.UpdatedAt.ToString("O"),
            };
            var lines = new List<HtmlText>
            {
                ProfileTexts.Card(profile, taxonomy, districts),
                PersonalDataTexts.ProfileState(profile.Status),
            };
            if (profile.Role == Features.Profiles.DirectorRole.Flagship)
            {
                lines.Add(PersonalDataTexts.TakesRequests(profile.IsAvailable));
            }
            lines.Add(PersonalDataTexts.ProfileCreated(export.Local(profile.CreatedAt)));
            lines.Add(PersonalDataTexts.ProfileUpdated(export.Local(profile.UpdatedAt)));
            export.AddSection(PersonalDataTexts.ProfileTitle, lines);
        }
        var coordinatorLines = new List<HtmlText>();
        if (await coordinators.FindAsync(userId, cancellationToken) is { } coordinator)
        {
            json["coordinator"] = new JsonObject
            {
                ["display_name"] = coordinator.DisplayName,
                ["region"] = coordinator.Region,
                ["districts"] = Codes(coordinator.Districts),
            };
            coordinatorLines.Add(PersonalDataTexts.CoordinatorName(coordinator.DisplayName));
            coordinatorLines.Add(coordinator.Region is { } region
                ? PersonalDataTexts.CoordinatorRegion(region)
                : PersonalDataTexts.CoordinatorDistricts(coordinator.Districts.Select(districts.Name)));
        }
        export.AddSection(PersonalDataTexts.CoordinatorTitle, coordinatorLines);
        if (await conversations.FindAsync(userId, cancellationToken) is { } dialog)
        {
            json["unfinished_dialog"] = new JsonObject { ["step"] = dialog.Name, ["draft"] = dialog.Draft };
            export.AddSection(PersonalDataTexts.DialogTitle, [PersonalDataTexts.UnfinishedDialog]);
        }
    }

    public async Task EraseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        await people.DeleteAsync(userId, cancellationToken);
        await coordinators.DeleteAsync(userId, cancellationToken);
        await matchRuns.DeleteInvolvingAsync(userId, cancellationToken);
        await invites.ForgetUserAsync(userId, cancellationToken);
        await conversations.ClearAsync(userId, cancellationToken);
        await consents.DeleteAsync(userId, cancellationToken);
        await chats.DeleteAsync(context.ChatId, cancellationToken);
        await outbox.DeleteForChatAsync(context.ChatId, cancellationToken);
        context.Conversation = null;
    }

    private static JsonArray Codes(IEnumerable<string> codes) => new(codes.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray());
}
