using System.Text;
using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// Text MIME parts as every sender here writes them: UTF-8 in base64, decided up front so MimeKit need not scan the
/// text to choose, and nothing in transit re-encodes what DKIM signed. RFC 2045 6.8 wants text in canonical form
/// (CRLF line ends) before base64: a decoder keeps the line ends it finds, so bare LFs would reach the reader as is.
/// </summary>
public static class TextParts
{
    public static TextPart Create(string subtype, string text) => new(subtype)
    {
        ContentType = { Charset = "utf-8" },
        ContentTransferEncoding = ContentEncoding.Base64,
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(Canonical(text)))),
    };

    /// <summary>Every line end CRLF: lone CR, lone LF and CRLF alike.</summary>
    public static string Canonical(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ReplaceLineEndings("\r\n");
    }
}
