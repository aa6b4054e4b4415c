using MentorBot.Bot.Outbound;
using MentorBot.Bot.Persistence;
using Telegram.Bot.Types.ReplyMarkups;

namespace MentorBot.Bot.Tests.Outbound;

public sealed class OutboxBacklogTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly Func<OutboxEntry, RateWait> Free = _ => RateWait.None;

    private static OutboxEntry Reply(long id, long chat, string text = "ответ") =>
        new(id, new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = chat, Text = text }, 0);

    private static OutboxEntry Broadcast(long id, long chat) =>
        new(id, new OutgoingMessage { Kind = OutgoingKind.Send, ChatId = chat, Text = "объявление" }, 0, IsBroadcast: true);

    private static OutboxEntry KeyboardEdit(long id, long chat, int messageId, string label) =>
        new(id, new OutgoingMessage
        {
            Kind = OutgoingKind.EditMarkup, ChatId = chat, MessageId = messageId, IsBulk = true,
            InlineKeyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData(label, "rsvp:1:y")]]),
        }, 0);

    private static OutboxEntry TextEdit(long id, long chat, int messageId, string text) =>
        new(id, new OutgoingMessage { Kind = OutgoingKind.EditText, ChatId = chat, MessageId = messageId, Text = text }, 0);

    private static OutboxBacklog QueueOf(params OutboxEntry[] entries)
    {
        var queue = new OutboxBacklog();
        foreach (var entry in entries)
        {
            Assert.True(queue.Add(entry, Now, []));
        }
        return queue;
    }

    /// <summary>Takes and completes rows one by one, as a sender with one call in flight would, and lists their ids.</summary>
    private static List<long> Drain(OutboxBacklog queue, Func<OutboxEntry, RateWait>? acquire = null)
    {
        var order = new List<long>();
        while (queue.Take(Now, acquire ?? Free, out _) is { } entry)
        {
            order.Add(entry.Id);
            queue.Done(entry, Now);
        }
        return order;
    }

    [Fact]
    public void Replies_go_before_keyboard_updates_and_those_before_broadcasts_whatever_was_written_first()
    {
        var queue = QueueOf(Broadcast(1, 100), Broadcast(2, 101), KeyboardEdit(3, 102, 7, "✓ Буду"), Reply(4, 103), KeyboardEdit(5, 104, 8, "✓ Буду"), Reply(6, 105));

        Assert.Equal([4, 6, 3, 5, 1, 2], Drain(queue));
    }

    [Fact]
    public void One_chats_rows_of_a_rank_keep_their_order_and_one_is_in_flight_at_a_time()
    {
        var queue = QueueOf(Reply(1, 100, "первое"), Reply(2, 100, "второе"), Reply(3, 200));

        var first = queue.Take(Now, Free, out _);
        var second = queue.Take(Now, Free, out _);
        var none = queue.Take(Now, Free, out _);

        Assert.Equal(1, first!.Id);
        Assert.Equal(3, second!.Id);
        Assert.Null(none);
        queue.Done(first, Now);
        Assert.Equal(2, queue.Take(Now, Free, out _)!.Id);
    }

    [Fact]
    public void A_reply_overtakes_the_same_persons_pending_broadcast_but_not_an_earlier_reply()
    {
        var queue = QueueOf(Broadcast(1, 100), Reply(2, 100, "первое"), Reply(3, 100, "второе"));

        Assert.Equal([2, 3, 1], Drain(queue));
    }

    [Fact]
    public void A_newer_keyboard_of_the_same_message_replaces_the_waiting_one()
    {
        var superseded = new List<OutboxEntry>();
        var queue = new OutboxBacklog();
        queue.Add(KeyboardEdit(1, 100, 7, "✓ Буду"), Now, superseded);
        queue.Add(KeyboardEdit(2, 100, 7, "✓ Не смогу"), Now, superseded);
        queue.Add(KeyboardEdit(3, 100, 8, "✓ Буду"), Now, superseded);

        Assert.Equal([1], superseded.Select(e => e.Id));
        Assert.Equal([2, 3], Drain(queue));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_keyboard_update_does_not_replace_a_waiting_change_of_text_but_a_newer_text_replaces_both()
    {
        var superseded = new List<OutboxEntry>();
        var queue = new OutboxBacklog();
        queue.Add(TextEdit(1, 100, 7, "Отправлено 10 из 100"), Now, superseded);
        queue.Add(KeyboardEdit(2, 100, 7, "✓ Буду"), Now, superseded);
        Assert.Empty(superseded);

        queue.Add(TextEdit(3, 100, 7, "Отправлено 20 из 100"), Now, superseded);

        Assert.Equal([2], superseded.Select(e => e.Id));
        Assert.Equal([1, 3], Drain(queue));
    }

    [Fact]
    public void An_edit_already_in_flight_is_not_replaced_and_the_newer_one_follows_it()
    {
        var superseded = new List<OutboxEntry>();
        var queue = new OutboxBacklog();
        queue.Add(KeyboardEdit(1, 100, 7, "✓ Буду"), Now, superseded);
        var inFlight = queue.Take(Now, Free, out _)!;

        queue.Add(KeyboardEdit(2, 100, 7, "✓ Не смогу"), Now, superseded);

        Assert.Empty(superseded);
        queue.Done(inFlight, Now);
        Assert.Equal([2], Drain(queue));
    }

    [Fact]
    public void An_older_edit_read_after_a_newer_one_is_dropped_at_once()
    {
        var superseded = new List<OutboxEntry>();
        var queue = new OutboxBacklog();
        queue.Add(KeyboardEdit(5, 100, 7, "✓ Не смогу"), Now, superseded);
        queue.Add(KeyboardEdit(4, 100, 7, "✓ Буду"), Now, superseded);

        Assert.Equal([4], superseded.Select(e => e.Id));
        Assert.Equal([5], Drain(queue));
    }

    [Fact]
    public void A_row_held_already_is_not_taken_twice()
    {
        var queue = QueueOf(Reply(1, 100));

        Assert.False(queue.Add(Reply(1, 100), Now, []));
        Assert.Equal([1], Drain(queue));
    }

    [Fact]
    public void A_chat_waiting_for_its_own_limit_lets_other_chats_go_and_the_overall_limit_stops_everyone()
    {
        var queue = QueueOf(Reply(1, 100), Reply(2, 200), Reply(3, 300));

        var first = queue.Take(Now, e => e.Message.ChatId == 100 ? new RateWait(TimeSpan.FromMilliseconds(700), IsGlobal: false) : RateWait.None, out _);
        Assert.Equal(2, first!.Id);

        Assert.Null(queue.Take(Now, _ => new RateWait(TimeSpan.FromMilliseconds(30), IsGlobal: true), out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(30), wait);

        // Chat 100 sleeps until its limit allows it; until then only chat 300 is offered.
        Assert.Equal(3, queue.Take(Now, Free, out _)!.Id);
        Assert.Null(queue.Take(Now, Free, out wait));
        Assert.Equal(TimeSpan.FromMilliseconds(700), wait);
        Assert.Equal(1, queue.Take(Now.AddMilliseconds(700), Free, out _)!.Id);
    }

    [Fact]
    public void A_row_waiting_for_a_retry_holds_up_its_chat_until_it_has_failed_a_few_times()
    {
        var queue = QueueOf(Reply(1, 100, "первое"), Reply(2, 100, "второе"));
        var first = queue.Take(Now, Free, out _)!;

        queue.Retry(first, Now.AddSeconds(4), Now);
        Assert.Null(queue.Take(Now, Free, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(4), wait);

        var again = queue.Take(Now.AddSeconds(4), Free, out _)!;
        Assert.Equal(1, again.Id);
        queue.Retry(again, Now.AddSeconds(20), Now.AddSeconds(4));
        var third = queue.Take(Now.AddSeconds(20), Free, out _)!;
        queue.Retry(third, Now.AddSeconds(60), Now.AddSeconds(20));

        // Three attempts: the second message no longer waits for the first.
        Assert.Equal(2, queue.Take(Now.AddSeconds(20), Free, out _)!.Id);
    }

    [Fact]
    public void An_erasure_drops_the_rows_it_erased_and_keeps_the_ones_written_after_it()
    {
        var queue = QueueOf(Reply(1, 100), Reply(2, 100), Reply(5, 100));

        Assert.Equal([1, 2], queue.DropChat(100, Now, upToId: 2).Order());
        Assert.Equal([5], Drain(queue));
    }

    [Fact]
    public void Dropping_a_chat_forgets_its_waiting_rows_but_not_the_one_in_flight()
    {
        var queue = QueueOf(Reply(1, 100), Reply(2, 100), Broadcast(3, 100), Reply(4, 200));
        var inFlight = queue.Take(Now, Free, out _)!;

        Assert.Equal([2, 3], queue.DropChat(100, Now).Order());
        Assert.True(queue.Contains(inFlight.Id));
        queue.Done(inFlight, Now);
        Assert.Equal([4], Drain(queue));
        Assert.Equal(0, queue.BroadcastCount);
    }
}
