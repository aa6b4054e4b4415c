using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Bot.Tests.Security;

/// <summary>
/// Finds SQL built from values in C# source. Every SQL text (a string literal with an SQL keyword in capitals) must be
/// constant, values travelling as Dapper @parameters. It may still be put together from fixed pieces, since a query's
/// shape legitimately varies: a hole in an interpolated SQL string, or an operand of + next to one, may only be
/// <list type="bullet">
/// <item>a <c>const string</c> of the same file (a column list, a shared FROM … WHERE clause);</item>
/// <item>a choice between string literals, <c>(districts is null ? "" : " AND district IN @Districts")</c>, directly
/// or through a local initialised so;</item>
/// <item>in a PRAGMA, which takes no parameters, an identifier declared <c>int</c> or <c>long</c> (a number from
/// configuration): no quote can hide in it.</item>
/// </list>
/// Anything else (a string parameter, a property, a method call, a user's text) is a finding, as is string.Format or
/// a StringBuilder near SQL. Comments are skipped; table and column names never come from input in this code base.
/// </summary>
public static partial class SqlSourceScanner
{
    public sealed record Finding(string File, int Line, string Text)
    {
        public override string ToString() => $"{File}:{Line}: {Text}";
    }

    private sealed record Literal(int Start, int End, int Line, string Content, int Dollars, bool Verbatim, bool Raw);

    public static IReadOnlyList<Finding> Scan(string file, string source)
    {
        var code = WithoutComments(source);
        var literals = Literals(code);
        var constants = ConstString().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var integers = IntegerDeclaration().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var fixedLocals = FixedLocal().Matches(code).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var findings = new List<Finding>();
        foreach (var literal in literals.Where(l => SqlKeyword().IsMatch(l.Content)))
        {
            var pragma = literal.Content.TrimStart().StartsWith("PRAGMA", StringComparison.Ordinal);
            bool Allowed(string expression) =>
                constants.Contains(expression) || fixedLocals.Contains(expression) || FixedChoice().IsMatch(expression) || pragma && integers.Contains(expression);
            if (literal.Dollars > 0)
            {
                findings.AddRange(Holes(literal).Where(hole => !Allowed(hole)).Select(hole => new Finding(file, literal.Line, $"{{{hole}}} in SQL")));
            }
            foreach (var operand in Operands(code, literal).Where(operand => !Allowed(operand)))
            {
                findings.Add(new Finding(file, literal.Line, $"SQL + {operand}"));
            }
        }
        foreach (Match builder in SqlBuilder().Matches(code))
        {
            findings.Add(new Finding(file, LineOf(code, builder.Index), builder.Value));
        }
        return findings;
    }

    /// <summary>The expressions in an interpolated literal's holes, without alignment and format.</summary>
    private static IEnumerable<string> Holes(Literal literal)
    {
        var open = new string('{', literal.Dollars);
        var text = literal.Content;
        var i = 0;
        while ((i = text.IndexOf(open, i, StringComparison.Ordinal)) >= 0)
        {
            if (literal.Dollars == 1 && i + 1 < text.Length && text[i + 1] == '{')
            {
                // {{ is a literal brace in a $"..." string.
                i += 2;
                continue;
            }
            var start = i + literal.Dollars;
            var depth = 0;
            var end = start;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (c == '"')
                {
                    // A string inside the hole, such as the branches of a choice.
                    end = text.IndexOf('"', end + 1);
                    continue;
                }
                if (c is '(' or '[' or '{')
                {
                    depth++;
                }
                else if (c is ')' or ']' or '}' && depth > 0)
                {
                    depth--;
                }
                else if (c == '}' || (c is ':' or ',') && depth == 0)
                {
                    break;
                }
            }
            yield return text[start..end].Trim();
            i = text.IndexOf(new string('}', literal.Dollars), end, StringComparison.Ordinal) + literal.Dollars;
            if (i < literal.Dollars)
            {
                yield break;
            }
        }
    }

    /// <summary>Identifiers or expressions joined to the literal with +, on either side.</summary>
    private static IEnumerable<string> Operands(string code, Literal literal)
    {
        var before = OperandBefore().Match(code[..literal.Start]);
        if (before.Success)
        {
            yield return before.Groups[1].Value.Trim();
        }
        var after = OperandAfter().Match(code[literal.End..]);
        if (after.Success)
        {
            yield return after.Groups[1].Value.Trim();
        }
    }

    /// <summary>Every string literal: "…", @"…", """…""" (any number of quotes), each with its $ prefix.</summary>
    private static List<Literal> Literals(string code)
    {
        var literals = new List<Literal>();
        var i = 0;
        while (i < code.Length)
        {
            if (code[i] == '\'' )
            {
                // A char literal, such as '"' or '\'', is no string.
                i = code.IndexOf('\'', i + (code[i + 1] == '\\' ? 3 : 2)) + 1;
                continue;
            }
            if (code[i] != '"')
            {
                i++;
                continue;
            }
            var prefixStart = i;
            var verbatim = false;
            var dollars = 0;
            while (prefixStart > 0 && code[prefixStart - 1] is '$' or '@')
            {
                prefixStart--;
                if (code[prefixStart] == '@')
                {
                    verbatim = true;
                }
                else
                {
                    dollars++;
                }
            }
            var quotes = 0;
            while (i + quotes < code.Length && code[i + quotes] == '"')
            {
                quotes++;
            }
            int contentStart, contentEnd, end;
            if (quotes >= 3)
            {
                contentStart = i + quotes;
                contentEnd = code.IndexOf(new string('"', quotes), contentStart, StringComparison.Ordinal);
                end = contentEnd + quotes;
            }
            else if (quotes == 2 && !verbatim)
            {
                // The empty string "".
                literals.Add(new Literal(prefixStart, i + 2, LineOf(code, i), "", dollars, false, false));
                i += 2;
                continue;
            }
            else
            {
                contentStart = i + 1;
                contentEnd = contentStart;
                var holeDepth = 0;
                while (contentEnd < code.Length)
                {
                    if (dollars > 0 && code[contentEnd] == '{' && holeDepth == 0 && code[contentEnd + 1] == '{')
                    {
                        contentEnd += 2;
                    }
                    else if (dollars > 0 && code[contentEnd] == '{')
                    {
                        holeDepth++;
                        contentEnd++;
                    }
                    else if (holeDepth > 0 && code[contentEnd] == '}')
                    {
                        holeDepth--;
                        contentEnd++;
                    }
                    else if (holeDepth > 0 && code[contentEnd] == '"')
                    {
                        // A string literal inside a hole.
                        contentEnd = code.IndexOf('"', contentEnd + 1) + 1;
                    }
                    else if (verbatim && code[contentEnd] == '"' && contentEnd + 1 < code.Length && code[contentEnd + 1] == '"')
                    {
                        contentEnd += 2;
                    }
                    else if (!verbatim && code[contentEnd] == '\\')
                    {
                        contentEnd += 2;
                    }
                    else if (code[contentEnd] == '"')
                    {
                        break;
                    }
                    else
                    {
                        contentEnd++;
                    }
                }
                end = contentEnd + 1;
            }
            literals.Add(new Literal(prefixStart, end, LineOf(code, i), code[contentStart..contentEnd], dollars, verbatim, quotes >= 3));
            i = end;
        }
        return literals;
    }

    /// <summary>The source with // and /* */ comments blanked out, lengths and line breaks kept.</summary>
    private static string WithoutComments(string source)
    {
        var code = new StringBuilder(source);
        var i = 0;
        while (i < source.Length - 1)
        {
            if (source[i] == '"')
            {
                // Skip strings roughly (enough to not take "//" in a URL for a comment).
                var close = source.IndexOf('"', i + 1);
                i = close < 0 ? source.Length : close + 1;
                continue;
            }
            if (source[i] == '/' && source[i + 1] is '/' or '*')
            {
                var end = source[i + 1] == '/' ? source.IndexOf('\n', i) : source.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                end = end <= 1 ? source.Length : end;
                for (var j = i; j < end; j++)
                {
                    code[j] = code[j] == '\n' ? '\n' : ' ';
                }
                i = end;
                continue;
            }
            i++;
        }
        return code.ToString();
    }

    private static int LineOf(string code, int index) => code.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|VALUES|PRAGMA|JOIN|ORDER BY|VACUUM)\b")]
    private static partial Regex SqlKeyword();

    [GeneratedRegex(@"\bconst\s+string\s+(\w+)\s*=")]
    private static partial Regex ConstString();

    [GeneratedRegex(@"\b(?:int|long)\??\s+(\w+)\s*[,;)=]")]
    private static partial Regex IntegerDeclaration();

    [GeneratedRegex(@"\bvar\s+(\w+)\s*=\s*[^;?]+\?\s*""[^""]*""\s*:\s*""[^""]*""\s*;")]
    private static partial Regex FixedLocal();

    [GeneratedRegex(@"^\(?[^?""]+\?\s*""[^""]*""\s*:\s*""[^""]*""\)?$")]
    private static partial Regex FixedChoice();

    [GeneratedRegex(@"([\w.\]\)]+)\s*\+\s*$")]
    private static partial Regex OperandBefore();

    [GeneratedRegex(@"^\s*\+\s*([\w.(\[]+)")]
    private static partial Regex OperandAfter();

    [GeneratedRegex(@"\b(?:string\.Format|String\.Format|string\.Concat|new StringBuilder)\b")]
    private static partial Regex SqlBuilder();
}
