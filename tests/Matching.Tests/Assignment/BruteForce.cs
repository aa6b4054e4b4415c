using MentorBot.Matching.Assignment;

namespace MentorBot.Matching.Tests.Assignment;

/// <summary>The reference: tries every assignment and keeps the most matched, then the largest total.</summary>
public static class BruteForce
{
    public static (int Matched, double Total) Best(AssignmentInstance instance)
    {
        var left = instance.Mentors.ToDictionary(m => m.Id, m => m.Capacity);
        var options = instance.Mentees.Select(y => instance.Pairs.Where(p => p.Mentee == y).ToArray()).ToArray();
        var best = (Matched: 0, Total: 0.0);

        void Visit(int mentee, int matched, double total)
        {
            if (mentee == options.Length)
            {
                if (matched > best.Matched || (matched == best.Matched && total > best.Total))
                    best = (matched, total);
                return;
            }
            Visit(mentee + 1, matched, total);
            foreach (var pair in options[mentee])
            {
                if (left[pair.Mentor] == 0)
                    continue;
                left[pair.Mentor]--;
                Visit(mentee + 1, matched + 1, total + pair.Score);
                left[pair.Mentor]++;
            }
        }

        Visit(0, 0, 0);
        return best;
    }
}
