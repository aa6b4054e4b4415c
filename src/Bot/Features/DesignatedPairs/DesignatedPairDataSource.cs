using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.DesignatedPairs;

/// <summary>
/// Designated pairs proposed to a person, in /my_data; /delete_me takes the person's id out of them, and a pair still
/// proposed waits again for their school's next director (the other side is told the proposal is void).
/// </summary>
public sealed class DesignatedPairDataSource(DesignatedPairRepository pairs) : IPersonalDataSource
{
    // Before the mentorship data, which erases the requests the pairs refer to.
    public int ErasureOrder => 90;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var involving = await pairs.InvolvingAsync(userId, cancellationToken);
        if (involving.Count == 0)
        {
            return;
        }
        export.Json["designated_pairs"] = new JsonArray(involving.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["as"] = p.SideOf(userId) == PairSide.Mentor ? "mentor" : "mentee",
            ["flagship_school"] = p.FlagshipNumber,
            ["young_school"] = p.YoungNumber,
            ["status"] = p.Status.ToString(),
        }).ToArray());
        export.AddSection(PersonalDataTexts.DesignatedPairsTitle, involving
            .Select(p => Html.Format($"• №{p.FlagshipNumber} → №{p.YoungNumber}: {DesignatedPairTexts.StatusLabel(p)}")).ToList());
    }

    public async Task EraseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        foreach (var pair in await pairs.InvolvingAsync(context.UserId, cancellationToken))
        {
            if (pair.Status == DesignatedPairStatus.Proposed && pair.SideOf(context.UserId) is { } side
                && (side == PairSide.Mentor ? pair.MenteeId : pair.MentorId) is { } other)
            {
                context.Outbox.Send(other, DesignatedPairTexts.ProposalVoidByErasure);
            }
        }
        await pairs.ForgetAsync(context.UserId, context.Now, cancellationToken);
    }
}
