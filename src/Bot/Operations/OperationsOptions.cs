namespace MentorBot.Bot.Operations;

/// <summary>The "Operations" section: where the health and metrics endpoints listen.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// The local address of /healthz, /readyz and /metrics; empty turns them off. Kept apart from the webhook
    /// listener, so the reverse proxy never exposes them.
    /// </summary>
    public string HealthListenUrl { get; set; } = "http://127.0.0.1:8081";
}
