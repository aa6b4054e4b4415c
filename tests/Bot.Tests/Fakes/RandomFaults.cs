namespace MentorBot.Bot.Tests.Fakes;

/// <summary>The faults the fake can inject, on a schedule (<see cref="FakeBotApi.Script"/>) or at random.</summary>
public enum FaultKind
{
    /// <summary>429 with retry_after.</summary>
    TooManyRequests,
    /// <summary>500 with a JSON error.</summary>
    ServerError,
    /// <summary>502 from the front proxy, an HTML page.</summary>
    BadGateway,
    /// <summary>No answer at all: the call hangs until the client gives up, and nothing is handled.</summary>
    Timeout,
    /// <summary>The connection is dropped before anything is handled.</summary>
    DroppedConnection,
    /// <summary>200 with a body that is not JSON; nothing is handled.</summary>
    MalformedJson,
    /// <summary>Half an answer, then the connection drops; nothing is handled.</summary>
    TruncatedBody,
    /// <summary>
    /// The call is handled (a message is delivered), then the connection drops before the answer: the one fault after
    /// which a correct client re-sends what the user already got.
    /// </summary>
    AnswerLost,
    /// <summary>403: the user blocked the bot. A correct client gives up that chat's pending messages.</summary>
    Forbidden,
    /// <summary>400 "chat not found". A correct client gives up that message.</summary>
    ChatNotFound,
    /// <summary>400 "message is not modified".</summary>
    MessageNotModified,
}

/// <summary>
/// Faults drawn per call from a generator seeded with <paramref name="Seed"/>: each rate is the chance that a call gets
/// that fault (their sum at most 1). Scripted answers come first; a call with none left draws. The same seed gives the
/// same sequence of draws, so the faults of a run repeat as far as the calls arrive in the same order.
/// </summary>
/// <example><c>new RandomFaults(7) { ServerError = 0.05, Timeout = 0.02, AnswerLost = 0.01 }</c></example>
public sealed record RandomFaults(int Seed)
{
    public double TooManyRequests { get; init; }
    public double ServerError { get; init; }
    public double BadGateway { get; init; }
    public double Timeout { get; init; }
    public double DroppedConnection { get; init; }
    public double MalformedJson { get; init; }
    public double TruncatedBody { get; init; }
    public double AnswerLost { get; init; }
    public double Forbidden { get; init; }
    public double ChatNotFound { get; init; }
    public double MessageNotModified { get; init; }

    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The methods that may get faults (names as in the Bot API); null for every method.</summary>
    public IReadOnlySet<string>? Methods { get; init; }

    /// <summary>Every transient fault Telegram and its network really produce, each at <paramref name="rate"/>.</summary>
    public static RandomFaults Transient(int seed, double rate) => new(seed)
    {
        TooManyRequests = rate,
        ServerError = rate,
        BadGateway = rate,
        Timeout = rate,
        DroppedConnection = rate,
        MalformedJson = rate,
        TruncatedBody = rate,
        AnswerLost = rate,
    };

    internal IReadOnlyList<(FaultKind Kind, double Rate)> Rates =>
    [
        (FaultKind.TooManyRequests, TooManyRequests),
        (FaultKind.ServerError, ServerError),
        (FaultKind.BadGateway, BadGateway),
        (FaultKind.Timeout, Timeout),
        (FaultKind.DroppedConnection, DroppedConnection),
        (FaultKind.MalformedJson, MalformedJson),
        (FaultKind.TruncatedBody, TruncatedBody),
        (FaultKind.AnswerLost, AnswerLost),
        (FaultKind.Forbidden, Forbidden),
        (FaultKind.ChatNotFound, ChatNotFound),
        (FaultKind.MessageNotModified, MessageNotModified),
    ];

    internal ScriptedResponse Response(FaultKind kind) => kind switch
    {
        FaultKind.TooManyRequests => ScriptedResponse.TooManyRequests(RetryAfterSeconds),
        FaultKind.ServerError => ScriptedResponse.InternalServerError(),
        FaultKind.BadGateway => ScriptedResponse.BadGateway(),
        FaultKind.Timeout => ScriptedResponse.Hang(),
        FaultKind.DroppedConnection => ScriptedResponse.DropConnection(),
        FaultKind.MalformedJson => ScriptedResponse.MalformedJson(),
        FaultKind.TruncatedBody => ScriptedResponse.TruncatedBody(),
        FaultKind.AnswerLost => ScriptedResponse.LoseAnswer(),
        FaultKind.Forbidden => ScriptedResponse.BotBlocked(),
        FaultKind.ChatNotFound => ScriptedResponse.ChatNotFound(),
        FaultKind.MessageNotModified => ScriptedResponse.MessageNotModified(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Draws the faults of <see cref="RandomFaults"/>; not thread-safe, the fake calls it under its lock.</summary>
internal sealed class FaultDraw(RandomFaults faults)
{
    private readonly Random _random = new(faults.Seed);

    public FaultKind? Next(string method)
    {
        if (faults.Methods is { } methods && !methods.Contains(method))
        {
            return null;
        }
        var draw = _random.NextDouble();
        foreach (var (kind, rate) in faults.Rates)
        {
            if (draw < rate)
            {
                return kind;
            }
            draw -= rate;
        }
        return null;
    }
}
