using Telegram.Bot.Types;

namespace MentorBot.Bot.Telegram;

public static class UpdateOrdering
{
    extension(Update update)
    {
        /// <summary>
        /// The chat whose updates must be handled in order; null for kinds we ignore. Null-safe all the way, because the
        /// deserialiser leaves a missing object null despite its type, and this runs before any handler could refuse it.
        /// </summary>
        public long? OrderingChatId =>
            update.Message?.Chat?.Id ?? update.EditedMessage?.Chat?.Id ?? update.CallbackQuery?.Message?.Chat?.Id
                ?? update.CallbackQuery?.From?.Id ?? update.MyChatMember?.Chat?.Id;
    }
}
