using System.Reflection;
using System.Text.RegularExpressions;
using MentorBot.Bot.Features.Announcements;
using MentorBot.Bot.Features.Profiles;
using MentorBot.Bot.Localization;
using MentorBot.Bot.Tests.Support;

namespace MentorBot.Bot.Tests.Localization;

/// <summary>
/// Renders every text of src/Bot/Localization that it can call — a person's name, a typed title, a count in each hole —
/// and reads the result as a Russian editor would: a full name is never governed by a preposition or verb (it would
/// need declining), gender is not hedged with «(а)», quotes nest as «…„…“…».
/// </summary>
public sealed partial class RussianTextsTests
{
    private const string FemaleName = "Иванова Анна Сергеевна";
    private const string TypedTitle = "Школа «Успех»";

    private static readonly DirectorProfile Woman = DirectorBuilder.Young(7).Named(FemaleName).Build();

    /// <summary>Parameters that carry a person's name, by the names our texts give them.</summary>
    [GeneratedRegex("name|who|mentor|mentee|partner|person|author|flagship", RegexOptions.IgnoreCase)]
    private static partial Regex NameParameter();

    public static TheoryData<string> TextMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in Renderable())
        {
            data.Add(Id(method));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TextMethods))]
    public void A_full_name_stands_where_it_needs_no_declining(string text)
    {
        foreach (var rendered in Render(text, name: FemaleName, other: "Прочее"))
        {
            foreach (Match match in Regex.Matches(rendered, Regex.Escape(FemaleName)))
            {
                var before = rendered[..match.Index].TrimEnd(' ');
                Assert.True(
                    before.Length == 0 || !char.IsLetter(before[^1]),
                    $"{text}: the name follows a word that governs it and would need declining: «…{Tail(before)} {FemaleName}…» in «{rendered}»");
            }
        }
    }

    [Theory]
    [MemberData(nameof(TextMethods))]
    public void No_text_hedges_a_gender(string text)
    {
        foreach (var rendered in Render(text, name: FemaleName, other: "Прочее"))
        {
            Assert.DoesNotMatch(@"\((а|ась|ла|на)\)", rendered);
        }
    }

    [Theory]
    [MemberData(nameof(TextMethods))]
    public void Quotes_inside_quotes_are_low_ones(string text)
    {
        foreach (var rendered in Render(text, name: FemaleName, other: TypedTitle))
        {
            var depth = 0;
            foreach (var c in rendered)
            {
                depth += c == '«' ? 1 : c == '»' ? -1 : 0;
                Assert.True(depth <= 1, $"{text}: «» nested in «{rendered}»");
            }
        }
    }

    [Fact]
    public void Constants_hedge_no_gender()
    {
        var constants = typeof(Texts).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Texts).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(string) && f.Name is not nameof(ProfileTexts.AgreeButton) and not nameof(ProfileTexts.DeclineButton))
            .Select(f => (f.Name, Value: (string)f.GetValue(null)!));
        Assert.All(constants, c => Assert.DoesNotMatch(@"\((а|ась)\)", c.Value));
    }

    [Fact]
    public void A_typed_title_keeps_its_quotes_as_low_ones() =>
        Assert.Equal("«Школа „Успех“ и „Рост“»", RussianQuotes.Quote("Школа «Успех» и «Рост»"));

    [Fact]
    public void Text_without_quotes_is_just_wrapped() => Assert.Equal("«Форум»", RussianQuotes.Quote("Форум"));

    [Theory]
    [InlineData(1, "ждёт 1 день")]
    [InlineData(3, "ждёт 3 дня")]
    [InlineData(11, "ждёт 11 дней")]
    [InlineData(21, "ждёт 21 день")]
    public void Days_of_waiting_agree_with_their_number(int days, string expected) =>
        Assert.EndsWith(expected, ReminderTexts.WaitingSince(Html.Text(FemaleName), days).Value);

    [Theory]
    [InlineData(1, "1 день")]
    [InlineData(21, "21 день")]
    [InlineData(30, "30 дней")]
    public void Lifetime_of_a_forum_link_agrees_with_its_number(int days, string expected) =>
        Assert.Equal(expected, NetworkingTexts.Days(days));

    [Theory]
    [InlineData(1, "Её открыли 1 раз.")]
    [InlineData(2, "Её открыли 2 раза.")]
    [InlineData(5, "Её открыли 5 раз.")]
    public void Opened_count_agrees_with_its_number(long opened, string expected) =>
        Assert.EndsWith(expected, NetworkingTexts.ForumLinkRevoked(opened));

    [Theory]
    [InlineData(1, "у вас уже 1 подопечный")]
    [InlineData(2, "у вас уже 2 подопечных")]
    public void Full_capacity_agrees_with_its_number(int capacity, string expected) =>
        Assert.Contains(expected, Html.ToPlainText(MentorshipTexts.NoFreePlace(capacity).Value));

    [Theory]
    [InlineData(3, "У вас уже 3 запроса без ответа")]
    [InlineData(5, "У вас уже 5 запросов без ответа")]
    public void Unanswered_introductions_agree_with_their_number(int max, string expected) =>
        Assert.StartsWith(expected, NetworkingTexts.TooManyIntroductions(max));

    [Theory]
    [InlineData(AnnouncementStatus.Scheduled)]
    [InlineData(AnnouncementStatus.Cancelled)]
    public void A_broadcast_state_does_not_repeat_the_word_broadcast(AnnouncementStatus status)
    {
        var state = AnnouncementTexts.StateLabel(new Announcement { Status = status }, "01.12.2026 (вт), 10:00 МСК");
        var rendered = Html.ToPlainText(AnnouncementTexts.Details(AnnouncementKind.Forum, "Форум", "01.12.2026", "Краснодар", state, 0, 0).Value);
        Assert.DoesNotContain("Рассылка: рассылка", rendered, StringComparison.OrdinalIgnoreCase);
    }

    private static string Tail(string text) => text.Length <= 20 ? text : text[^20..];

    private static string Id(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static IEnumerable<string> Render(string id, string name, string other)
    {
        var method = Renderable().Single(m => Id(m) == id);
        var arguments = method.GetParameters().Select(p => Argument(p, name, other)).ToArray();
        var result = method.Invoke(null, arguments);
        yield return result switch
        {
            HtmlText html => Html.ToPlainText(html.Value),
            string s => s,
            _ => throw new InvalidOperationException(id),
        };
    }

    /// <summary>The public static texts whose every parameter is of a type this test can fill.</summary>
    private static IEnumerable<MethodInfo> Renderable() =>
        typeof(Texts).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Texts).Namespace && t.IsClass && t.IsAbstract && t.IsSealed)
            .Where(t => t != typeof(Html) && t != typeof(RussianPlural) && t != typeof(RussianQuotes))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && !m.IsGenericMethod && (m.ReturnType == typeof(HtmlText) || m.ReturnType == typeof(string)))
            .Where(m => m.GetParameters().All(p => Fillable(p.ParameterType)))
            .OrderBy(Id);

    private static readonly Type[] Simple =
    [
        typeof(string), typeof(int), typeof(long), typeof(double), typeof(bool), typeof(DateOnly), typeof(DateTimeOffset),
        typeof(TimeSpan), typeof(DirectorProfile), typeof(HtmlText), typeof(IReadOnlyList<string>), typeof(IEnumerable<string>),
        typeof(IReadOnlyCollection<string>), typeof(IReadOnlyList<HtmlText>), typeof(IReadOnlyList<TimeSpan>),
    ];

    private static bool Fillable(Type type) =>
        Simple.Contains(type) || type.IsEnum || Nullable.GetUnderlyingType(type) is { } inner && Fillable(inner);

    private static object? Argument(ParameterInfo parameter, string name, string other)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var text = NameParameter().IsMatch(parameter.Name!) ? name : other;
        return type switch
        {
            _ when type == typeof(string) => text,
            _ when type == typeof(HtmlText) => Html.Text(text),
            _ when type == typeof(DirectorProfile) => Woman,
            _ when type == typeof(int) => 2,
            _ when type == typeof(long) => 2L,
            _ when type == typeof(double) => 0.5,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateOnly) => new DateOnly(2026, 12, 15),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 15, 10, 0, 0, TimeSpan.FromHours(3)),
            _ when type == typeof(TimeSpan) => TimeSpan.FromHours(2),
            _ when type == typeof(IReadOnlyList<HtmlText>) => new[] { Html.Text(text) },
            _ when type == typeof(IReadOnlyList<TimeSpan>) => new[] { TimeSpan.FromDays(1) },
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ => new[] { text },
        };
    }
}
