using MentorBot.Bot.Conversations;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Features.Settings;

/// <summary>/reminders: whether reminders are on, with a button to pause them or turn them back on.</summary>
public sealed class RemindersCommand(ReminderRepository reminders) : ICommandHandler
{
    public static CommandRoute Route { get; } = new("reminders", "напоминания: пауза или включить", Audience.Registered, AllowedInDialog: true);

    public async Task HandleAsync(UpdateContext context, string arguments, CancellationToken cancellationToken)
    {
        var paused = await reminders.IsPausedAsync(context.UserId, cancellationToken);
        context.Reply(ReminderTexts.Status(paused), RemindersCallback.Keyboard(paused));
    }
}

/// <summary>Pause or resume. The button says which, so a second press of a stale one changes nothing.</summary>
public sealed class RemindersCallback(ReminderRepository reminders) : ICallbackHandler
{
    public static string Prefix => "rmd";

    public async Task HandleAsync(UpdateContext context, CallbackData data, CancellationToken cancellationToken)
    {
        if (data.Arg(0) is not ("pause" or "resume"))
        {
            context.AnswerCallback(Texts.StaleButton);
            return;
        }
        var paused = data.Arg(0) == "pause";
        await reminders.SetPausedAsync(context.UserId, paused, context.Now, cancellationToken);
        context.EditOrReply(ReminderTexts.Status(paused), Keyboard(paused));
        context.AnswerCallback(Html.ToPlainText((paused ? ReminderTexts.Paused : ReminderTexts.Resumed).Value));
    }

    public static InlineKeyboardMarkup Keyboard(bool paused) => new(
    [
        [paused
            ? InlineKeyboardButton.WithCallbackData(ReminderTexts.ResumeButton, CallbackData.Build(Prefix, "resume"))
            : InlineKeyboardButton.WithCallbackData(ReminderTexts.PauseButton, CallbackData.Build(Prefix, "pause"))],
    ]);
}
