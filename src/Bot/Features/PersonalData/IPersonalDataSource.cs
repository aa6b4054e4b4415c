using MentorBot.Bot.Conversations;

namespace MentorBot.Bot.Features.PersonalData;

/// <summary>
/// A feature's part of a person's data: what /my_data exports and what /delete_me erases. Each feature that stores
/// something about a person registers one, so nothing is forgotten by either command.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Lower runs first on erasure, so a feature can still read the profile to notify the other side.</summary>
    int ErasureOrder { get; }

    /// <summary>Adds the feature's readable sections and its JSON keys; a feature that stores nothing for the person adds nothing.</summary>
    Task ExportAsync(long userId, PersonalDataExport export, CancellationToken cancellationToken);

    /// <summary>Erases the person's data; <paramref name="context"/> lets the feature tell others, without the erased data.</summary>
    Task EraseAsync(UpdateContext context, CancellationToken cancellationToken);
}
