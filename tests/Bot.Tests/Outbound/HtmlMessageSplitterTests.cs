using MentorBot.Bot.Localization;
using MentorBot.Bot.Outbound;

namespace MentorBot.Bot.Tests.Outbound;

public sealed class HtmlMessageSplitterTests
{
    [Fact]
    public void A_short_text_stays_whole() => Assert.Equal(["<b>коротко</b>"], HtmlMessageSplitter.Split("<b>коротко</b>", 4096));

    [Fact]
    public void Tags_open_at_a_cut_are_closed_and_reopened()
    {
        var html = "<b>" + string.Join(" ", Enumerable.Repeat("слово", 300)) + "</b>";

        var parts = HtmlMessageSplitter.Split(html, 500);

        Assert.True(parts.Count > 3);
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 500, $"{p.Length} characters");
            Assert.StartsWith("<b>", p);
            Assert.EndsWith("</b>", p);
        });
        Assert.Equal(Html.ToPlainText(html).Replace(" ", ""), string.Concat(parts.Select(p => Html.ToPlainText(p).Replace(" ", ""))));
    }

    [Fact]
    public void A_cut_never_falls_inside_an_entity()
    {
        var html = string.Concat(Enumerable.Repeat("a&amp;b&lt;", 200));

        var parts = HtmlMessageSplitter.Split(html, 300);

        Assert.All(parts, p => Assert.DoesNotMatch("&[a-z]*$", p));
        Assert.Equal(Html.ToPlainText(html), string.Concat(parts.Select(Html.ToPlainText)));
    }
}
