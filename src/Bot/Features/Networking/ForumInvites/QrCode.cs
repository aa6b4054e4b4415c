using QRCoder;

namespace MentorBot.Bot.Features.Networking.ForumInvites;

/// <summary>A QR code as PNG bytes, drawn by QRCoder's own PNG writer (no System.Drawing), large enough for a slide.</summary>
public static class QrCode
{
    private const int PixelsPerModule = 20;

    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
