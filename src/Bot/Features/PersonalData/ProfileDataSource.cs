using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
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
    MatchRunRepository matchRuns) : IPersonalDataSource
{
    /// <summary>Last: other features read the profile while they erase their own parts.</summary>
    public int ErasureOrder => 1000;

    public async Task ExportAsync(long userId, JsonObject export, CancellationToken cancellationToken)
    {
        export["telegram_user_id"] = userId;
        if (await consents.ConsentedAtAsync(userId, cancellationToken) is { } consentedAt)
        {
            export["consent"] = new JsonObject { ["given_at"] = consentedAt.ToString("O") };
        }
        if (await people.FindAsync(userId, cancellationToken) is { } profile)
        {
            export["profile"] = new JsonObject
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
        }
        if (await coordinators.FindAsync(userId, cancellationToken) is { } coordinator)
        {
            export["coordinator"] = new JsonObject
            {
                ["display_name"] = coordinator.DisplayName,
                ["region"] = coordinator.Region,
                ["districts"] = Codes(coordinator.Districts),
            };
        }
        var used = await invites.UsedByAsync(userId, cancellationToken);
        if (used.Count > 0)
        {
            export["invites_used"] = new JsonArray(used.Select(i => (JsonNode)new JsonObject { ["role"] = i.Role, ["district"] = i.District }).ToArray());
        }
        if (await conversations.FindAsync(userId, cancellationToken) is { } dialog)
        {
            export["unfinished_dialog"] = new JsonObject { ["step"] = dialog.Name, ["draft"] = dialog.Draft };
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
