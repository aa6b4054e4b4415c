using System.Text.Json.Serialization;

namespace MentorBot.Bot.Outbound;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutgoingMessage))]
internal sealed partial class OutboundJsonContext : JsonSerializerContext;
