using System.Globalization;
using System.Text.Json.Nodes;

namespace MentorBot.Bot.Tests.Fuzzing;

/// <summary>One generated update: its raw JSON as it would reach the webhook, and who sent it.</summary>
public sealed record FuzzedUpdate(long UpdateId, string Json, long? SenderId, bool IsReplay);

/// <summary>
/// Generates updates from a seed: text and commands from registered people and strangers, button presses with forged
/// data that names other people's requests, partnerships and approvals (or replays buttons the bot showed someone
/// else), kinds the bot does not handle, and structural damage: missing and extra fields, wrong types, nulls and
/// replays of update ids already handled. A quarter of the time the sender presses a button the bot really showed
/// them, so that dialogs, requests and partnerships get deep enough for the forgeries to matter.
/// </summary>
/// <param name="shownTo">The buttons (message id, data) under the latest messages the bot sent a person.</param>
public sealed class UpdateFuzzer(
    int seed,
    IReadOnlyList<long> actors,
    IReadOnlyList<long> victimObjectIds,
    IReadOnlyList<string> commands,
    IReadOnlyList<string> prefixes,
    Func<long, IReadOnlyList<(int MessageId, string Data)>> shownTo)
{
    /// <summary>Words that button data use after their prefix, and some they do not.</summary>
    public static readonly IReadOnlyList<string> Actions =
    [
        "y", "n", "ok", "no", "new", "coord", "wd", "acc", "dec", "card", "plan", "items", "item", "st", "meet", "chk", "note", "prl", "end", "fb",
        "p", "pin", "drop", "release", "young", "flagship", "done", "skip", "reset", "<", "x", "all", "page", "go", "cancel", "send", "list",
    ];

    private static readonly string[] UnknownKinds = ["inline_query", "chosen_inline_result", "channel_post", "poll", "poll_answer", "chat_join_request", "message_reaction", "business_message", "a_kind_from_2030"];

    private readonly Random _random = new(seed);
    private readonly HostileText _text = new(new Random(seed + 1));
    private readonly List<FuzzedUpdate> _history = [];
    private readonly List<string> _seenCallbackData = [];
    private long _nextUpdateId = 1_000_000;
    private int _nextMessageId = 1;

    /// <summary>Buttons the bot showed anyone, to be pressed by someone else or with their ids changed.</summary>
    public void Learn(IEnumerable<string> callbackData) => _seenCallbackData.AddRange(callbackData.Except(_seenCallbackData).Take(500));

    public FuzzedUpdate Next()
    {
        if (_history.Count > 0 && _random.Next(50) == 0)
        {
            // Telegram redelivers an update it is not sure we got.
            return _history[_random.Next(_history.Count)] with { IsReplay = true };
        }

        var id = _nextUpdateId++;
        var sender = Sender();
        var update = new JsonObject { ["update_id"] = id };
        var roll = _random.Next(100);
        var shown = roll < 25 ? shownTo(sender) : [];
        switch (roll)
        {
            case < 25 when shown.Count > 0:
                var (messageId, data) = shown[_random.Next(shown.Count)];
                update["callback_query"] = Callback(sender, data, messageId);
                break;
            case < 25 or >= 94:
                update["message"] = Message(sender, _text.Plausible());
                break;
            case < 50:
                update["message"] = Message(sender, Text());
                break;
            case < 75:
                update["callback_query"] = Callback(sender, CallbackData(), _nextMessageId++);
                break;
            case < 78:
                update["edited_message"] = Message(sender, Text());
                break;
            case < 81:
                update["my_chat_member"] = new JsonObject
                {
                    ["chat"] = Chat(sender),
                    ["from"] = User(sender),
                    ["date"] = 1_700_000_000,
                    ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = User(7000000001) },
                    ["new_chat_member"] = new JsonObject { ["status"] = _random.Next(2) == 0 ? "kicked" : "member", ["user"] = User(7000000001) },
                };
                break;
            case < 86:
                var media = Message(sender, null);
                media[Pick(["sticker", "photo", "document", "contact", "location", "voice", "new_chat_members", "poll"])] = Media();
                update["message"] = media;
                break;
            case < 89:
                var group = Message(sender, Text());
                group["chat"] = new JsonObject { ["id"] = -1001234567890L - _random.Next(10), ["type"] = Pick(["group", "supergroup", "channel"]), ["title"] = _text.Next() };
                update["message"] = group;
                break;
            case < 91:
                var fromBot = Message(sender, Text());
                fromBot["from"]!["is_bot"] = true;
                update["message"] = fromBot;
                break;
            default:
                update[Pick(UnknownKinds)] = new JsonObject { ["id"] = Number(), ["from"] = User(sender), ["query"] = _text.Next() };
                break;
        }

        if (_random.Next(10) < 3)
        {
            Damage(update);
        }
        var fuzzed = new FuzzedUpdate(id, update.ToJsonString(), sender, IsReplay: false);
        _history.Add(fuzzed);
        return fuzzed;
    }

    private long Sender() => _random.Next(20) == 0 ? _random.NextInt64(1, 1L << 52) : actors[_random.Next(actors.Count)];

    private string Text()
    {
        if (_random.Next(5) < 2)
        {
            var command = _random.Next(10) == 0 ? Pick(["nonexistent", "START", "start@mentorbot_test_bot", "start@other_bot", "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q"]) : Pick(commands);
            if (command == "delete_me" && _random.Next(5) > 0)
            {
                // Erasure is tried, but not so often that the attackers are all strangers again within a minute.
                command = "help";
            }
            return _random.Next(3) switch
            {
                0 => "/" + command,
                1 => $"/{command} {_text.Next()}",
                _ => $"/{command} {Id()}",
            };
        }
        return _text.Next();
    }

    private JsonObject Message(long sender, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = _nextMessageId++,
            ["from"] = User(sender),
            ["chat"] = Chat(sender),
            ["date"] = 1_700_000_000 + _random.Next(100_000_000),
        };
        if (text is not null)
        {
            message["text"] = text;
        }
        return message;
    }

    private JsonObject Callback(long sender, string? data, int messageId)
    {
        var query = new JsonObject
        {
            ["id"] = $"fuzz-{_random.NextInt64():x}",
            ["from"] = User(sender),
            ["chat_instance"] = "1",
        };
        if (_random.Next(10) > 0)
        {
            // The message that carried the button; Telegram leaves it out for buttons under inline messages.
            var message = Message(7000000001, _text.Next());
            message["message_id"] = messageId;
            message["chat"] = Chat(sender);
            message["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "x", ["callback_data"] = "x" })) };
            query["message"] = message;
        }
        if (data is not null)
        {
            query["data"] = data;
        }
        return query;
    }

    private string? CallbackData() => _random.Next(20) switch
    {
        < 11 => string.Join(':', new[] { Pick(prefixes) }.Concat(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(3) == 0 ? Pick(Actions) : Id()))),
        < 16 when _seenCallbackData.Count > 0 => Reforge(_seenCallbackData[_random.Next(_seenCallbackData.Count)]),
        16 => new string('a', 65),
        17 => _text.Next(),
        18 => null,
        _ => string.Join(':', Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(Actions))),
    };

    /// <summary>A button the bot really showed, pressed as is or with its ids swapped for someone else's.</summary>
    private string Reforge(string data) =>
        _random.Next(3) == 0 ? data : string.Join(':', data.Split(':').Select(part => long.TryParse(part, out _) && _random.Next(2) == 0 ? Id() : part));

    /// <summary>An id worth naming: the victims' objects and people most of all, or anyone's, or nonsense.</summary>
    private string Id() => _random.Next(10) switch
    {
        < 6 => victimObjectIds[_random.Next(victimObjectIds.Count)].ToString(CultureInfo.InvariantCulture),
        < 8 => actors[_random.Next(actors.Count)].ToString(CultureInfo.InvariantCulture),
        8 => _random.Next(-5, 50).ToString(CultureInfo.InvariantCulture),
        _ => Pick(["9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e3", "0x1", "", " 1"]),
    };

    private JsonNode Media() => _random.Next(3) switch
    {
        0 => new JsonObject { ["file_id"] = "f", ["file_unique_id"] = "u", ["emoji"] = "😀", ["width"] = 1, ["height"] = 1 },
        1 => new JsonArray(new JsonObject { ["file_id"] = "p", ["width"] = 90, ["height"] = 90 }),
        _ => new JsonObject { ["phone_number"] = "+7 900 000-00-00", ["first_name"] = _text.Next(), ["user_id"] = Number() },
    };

    private JsonObject User(long id) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = _random.Next(4) == 0 ? _text.Next() : "Тест",
        ["username"] = _random.Next(3) == 0 ? null : $"user{id}",
        ["language_code"] = "ru",
    };

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = "private", ["first_name"] = "Тест" };

    private JsonNode Number() => _random.Next(4) switch
    {
        0 => JsonValue.Create(_random.NextInt64()),
        1 => JsonValue.Create(-_random.Next()),
        2 => JsonValue.Create(_random.NextDouble() * 1e20),
        _ => JsonValue.Create(0),
    };

    /// <summary>Removes, nulls, retypes or adds one field somewhere in the update.</summary>
    private void Damage(JsonObject update)
    {
        var objects = new List<JsonObject>();
        Collect(update, objects);
        var target = objects[_random.Next(objects.Count)];
        var keys = target.Select(pair => pair.Key).ToList();
        var key = keys.Count > 0 ? keys[_random.Next(keys.Count)] : "x";
        switch (_random.Next(5))
        {
            case 0:
                target.Remove(key);
                break;
            case 1:
                target[key] = null;
                break;
            case 2:
                target[key] = _random.Next(4) switch
                {
                    0 => JsonValue.Create(_text.Next()),
                    1 => Number(),
                    2 => JsonValue.Create(_random.Next(2) == 0),
                    _ => new JsonArray(Number(), JsonValue.Create("x")),
                };
                break;
            case 3:
                target[key] = new JsonObject { ["unexpected"] = Number() };
                break;
            default:
                target[$"field_from_the_future_{_random.Next(100)}"] = _random.Next(2) == 0 ? Number() : new JsonObject { ["nested"] = _text.Next() };
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonObject> objects)
    {
        if (node is JsonObject obj)
        {
            objects.Add(obj);
            foreach (var (_, child) in obj)
            {
                Collect(child, objects);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Collect(child, objects);
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> from) => from[_random.Next(from.Count)];
}
