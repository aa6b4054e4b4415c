using System.Text.Json.Nodes;
using MentorBot.Bot.Conversations;
using MentorBot.Bot.Features.Networking.Search;
using MentorBot.Bot.Features.PersonalData;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;

namespace MentorBot.Bot.Features.Networking;

/// <summary>
/// Networking's part of a person's data. Erasure removes their settings, searches, introductions, peer-meeting history
/// and internship requests. Their pending and rejected practices go too; an approved practice stays in the bank as its
/// school's experience, no longer linked to them, and so does a programme their school hosts (the author is told so
/// when publishing). Other people's records keep only what is theirs: a reviewer or creator becomes unknown.
/// </summary>
public sealed class NetworkingDataSource(
    NetworkingRepository network,
    PracticeRepository practices,
    InternshipRepository internships,
    PeerMeetingRepository peers,
    ForumLinkRepository forumLinks,
    DirectorySearch directorySearch) : IPersonalDataSource
{
    public int ErasureOrder => 200;

    public async Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken)
    {
        var settings = await network.SettingsAsync(userId, cancellationToken);
        var search = await network.FindSearchAsync(userId, cancellationToken);
        var peer = await peers.FindAsync(userId, cancellationToken);
        var introductions = await network.IntroductionsInvolvingAsync(userId, cancellationToken);
        var authored = await practices.ByAuthorAsync(userId, cancellationToken);
        var participations = await internships.ParticipationsOfAsync(userId, cancellationToken);
        var hosted = await internships.HostedByAsync(userId, cancellationToken);
        var rounds = await peers.MembershipsOfAsync(userId, cancellationToken);
        export.Json["networking"] = new JsonObject
        {
            ["allow_contact"] = settings.AllowContact,
            ["listed_in_search"] = settings.Listed,
            ["latest_search"] = search is null ? null : new JsonObject { ["code"] = search.Code, ["district"] = search.District, ["text"] = search.Query },
            ["introductions"] = new JsonArray(introductions.Select(i => (JsonNode)new JsonObject
            {
                ["as"] = i.RequesterId == userId ? "requester" : "addressee",
                ["status"] = i.Status.ToString(),
                ["created_at"] = i.CreatedAt.ToString("O"),
            }).ToArray()),
            ["practices"] = new JsonArray(authored.Select(p => (JsonNode)new JsonObject
            {
                ["title"] = p.Title,
                ["school"] = p.School,
                ["codes"] = string.Join(",", p.Codes),
                ["description"] = p.Description,
                ["link"] = p.Link,
                ["status"] = p.Status.ToString(),
                ["rejection_reason"] = p.RejectionReason,
                ["created_at"] = p.CreatedAt.ToString("O"),
            }).ToArray()),
            ["internship_requests"] = new JsonArray(participations.Select(p => (JsonNode)new JsonObject
            {
                ["programme_id"] = p.ProgrammeId,
                ["status"] = p.Status.ToString(),
                ["requested_at"] = p.RequestedAt.ToString("O"),
            }).ToArray()),
            ["internship_sites_hosted"] = new JsonArray(hosted
                .Select(p => (JsonNode)new JsonObject { ["programme_id"] = p.Id, ["theme"] = p.Theme }).ToArray()),
            ["peer_meetings"] = new JsonObject
            {
                ["taking_part"] = peer is not null,
                ["paused"] = peer?.Paused,
                ["cross_district"] = peer?.CrossDistrict,
                ["rounds"] = new JsonArray(rounds.Select(m => (JsonNode)new JsonObject { ["month"] = m.Month, ["met"] = m.Met }).ToArray()),
            },
        };

        var lines = new List<HtmlText>
        {
            PersonalDataTexts.AllowContact(settings.AllowContact),
            PersonalDataTexts.Listed(await network.IsFindableAsync(userId, cancellationToken)),
        };
        if (search is not null)
        {
            lines.Add(PersonalDataTexts.LatestSearch(directorySearch.Describe(new SearchCriteria(search.Code, search.District, search.Query))));
        }
        lines.AddRange(introductions.Select(i => PersonalDataTexts.Introduction(export.Local(i.CreatedAt), i.RequesterId == userId, i.Status)));
        export.AddSection(PersonalDataTexts.NetworkingTitle, lines);

        export.AddSection(PersonalDataTexts.PracticesTitle, authored
            .Select(p => PersonalDataTexts.Practice(p.Title, export.Local(p.CreatedAt), p.Status, p.RejectionReason)).ToList());

        var internshipLines = new List<HtmlText>();
        foreach (var p in participations)
        {
            var theme = (await internships.FindAsync(p.ProgrammeId, cancellationToken))?.Theme;
            internshipLines.Add(PersonalDataTexts.InternshipRequest(p.ProgrammeId, theme, export.Local(p.RequestedAt), p.Status));
        }
        internshipLines.AddRange(hosted.Select(p => PersonalDataTexts.HostedSite(p.Theme, p.StartsOn, p.EndsOn)));
        export.AddSection(PersonalDataTexts.InternshipsTitle, internshipLines);

        if (peer is not null || rounds.Count > 0)
        {
            var peerLines = new List<HtmlText> { PersonalDataTexts.PeerTakingPart(peer is not null, peer?.Paused == true) };
            if (peer is not null)
            {
                peerLines.Add(PersonalDataTexts.PeerCrossDistrict(peer.CrossDistrict));
            }
            peerLines.AddRange(rounds.Select(m => PersonalDataTexts.PeerRound(m.Month, m.Met)));
            export.AddSection(PersonalDataTexts.PeerMeetingsTitle, peerLines);
        }
    }

    public async Task EraseAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var userId = context.UserId;
        await network.DeleteForAsync(userId, cancellationToken);
        await practices.ForgetPersonAsync(userId, cancellationToken);
        await internships.ForgetPersonAsync(userId, cancellationToken);
        await peers.DeleteForAsync(userId, cancellationToken);
        await forumLinks.ForgetCreatorAsync(userId, cancellationToken);
    }
}
