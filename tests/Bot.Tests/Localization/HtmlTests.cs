using MentorBot.Bot.Localization;

namespace MentorBot.Bot.Tests.Localization;

public sealed class HtmlTests
{
    [Fact]
    public void User_text_in_a_format_hole_is_escaped_while_our_markup_is_kept()
    {
        var name = "<script>alert(1)</script> & \"Ко\"";

        var html = Html.Format($"<b>Здравствуйте</b>, {name}!");

        Assert.Equal("<b>Здравствуйте</b>, &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Ко\"!", html.Value);
    }

    [Fact]
    public void Html_text_in_a_hole_is_not_escaped_twice()
    {
        var inner = Html.Bold("a<b");

        Assert.Equal("x <b>a&lt;b</b>", Html.Format($"x {inner}").Value);
    }

    [Fact]
    public void Plain_text_drops_tags_and_decodes_entities() =>
        Assert.Equal("a<b & c", Html.ToPlainText("<i>a&lt;b</i> &amp; c"));
}
