using MentorBot.Bot.Hosting;

namespace MentorBot.Bot.Outbound;

public sealed class OutboundOptionsRules : OptionsRules<OutboundOptions>
{
    protected override IEnumerable<string> Problems(OutboundOptions outbound)
    {
        if (outbound.GlobalMessagesPerSecond <= 0)
        {
            yield return "Outbound:GlobalMessagesPerSecond must be greater than 0.";
        }
        if (outbound.PerChatMessagesPerSecond < 0)
        {
            yield return "Outbound:PerChatMessagesPerSecond must not be negative (0 turns the per-chat limit off).";
        }
        if (outbound.MaxParallelSends < 1)
        {
            yield return "Outbound:MaxParallelSends must be at least 1.";
        }
        if (outbound.RateMarginMilliseconds < 0)
        {
            yield return "Outbound:RateMarginMilliseconds must not be negative.";
        }
        if (outbound.MaxAttempts < 1)
        {
            yield return "Outbound:MaxAttempts must be at least 1.";
        }
        if (outbound.MaxBackoffSeconds < 1)
        {
            yield return "Outbound:MaxBackoffSeconds must be at least 1.";
        }
        if (outbound.IdlePollMilliseconds < 1)
        {
            yield return "Outbound:IdlePollMilliseconds must be at least 1.";
        }
        if (outbound.OtherInstancesPollMilliseconds < 1)
        {
            yield return "Outbound:OtherInstancesPollMilliseconds must be at least 1.";
        }
        if (outbound.MaxMessageLength is < 1 or > 4096)
        {
            yield return "Outbound:MaxMessageLength must be between 1 and 4096, Telegram's limit.";
        }
    }
}
