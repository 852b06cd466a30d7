using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace Campaigns.Web.Infrastructure.Email;

/// <summary>
/// DKIM (RFC 6376: rsa-sha256, relaxed/relaxed) for every message sent, with .NET's own RSA and SHA-256. MimeKit's signer
/// hashes through BouncyCastle and a chain of stream filters; here the body is written once into a reused buffer
/// and canonicalised in one pass, which with the RSA roughly halves the signing cost per message. The signature
/// header is built and folded by MimeKit exactly as its own signer does, so MimeKit's verifier (and any other)
/// reads it the same way. Not thread-safe: one per sending connection.
/// </summary>
public sealed class FastDkimSigner : IDisposable
{
    /// <summary>The headers RFC 8058 and the bulk-sender rules want covered, each signed as often as it occurs.</summary>
    public static readonly string[] SignedHeaders = ["From", "To", "Subject", "Date", "Message-ID", "Reply-To", "List-Unsubscribe", "List-Unsubscribe-Post"];

    /// <summary>
    /// Signed once more than they occur (RFC 6376 8.15): the extra entry signs "no further header of this name", so
    /// a second From, Subject or unsubscribe header added in transit, above or below ours, breaks the signature,
    /// and so does an unsubscribe header added to a message that had none.
    /// </summary>
    public static readonly string[] OversignedHeaders = ["From", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post"];

    private static readonly FormatOptions Format = new() { NewLineFormat = NewLineFormat.Dos, EnsureNewLine = true };

    private readonly RSA rsa;
    private readonly string domain;
    private readonly string selector;
    private readonly MemoryStream body = new();
    private readonly MemoryStream canonical = new();

    public FastDkimSigner(string privateKeyPem, string domain, string selector)
    {
        rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        this.domain = domain;
        this.selector = selector;
    }

    public void Sign(MimeMessage message, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.Contains("From", StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException("DKIM must sign the From header.", nameof(headers));
        }

        var names = HeaderList(message.Headers, headers);

        body.SetLength(0);
        message.Body?.WriteTo(Format, body, contentOnly: true);
        canonical.SetLength(0);
        WriteRelaxedBody(body.GetBuffer().AsSpan(0, (int)body.Length), canonical);
        var bodyHash = SHA256.HashData(canonical.GetBuffer().AsSpan(0, (int)canonical.Length));

        var value = new StringBuilder(256)
            .Append("v=1; a=rsa-sha256; d=").Append(domain)
            .Append("; s=").Append(selector)
            .Append("; c=relaxed/relaxed; t=").Append(message.Date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))
            .Append("; h=").AppendJoin(':', names)
            .Append("; bh=").Append(Convert.ToBase64String(bodyHash))
            .Append("; b=")
            .ToString();

        // RFC 6376 5.4.2: each signed header from the bottom up, then the signature header itself with b= empty.
        canonical.SetLength(0);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            used[name] = used.GetValueOrDefault(name) + 1;
            var header = message.Headers.Where(h => string.Equals(h.Field, name, StringComparison.OrdinalIgnoreCase)).Reverse().Skip(used[name] - 1).FirstOrDefault();
            if (header is not null)
            {
                WriteRelaxedHeader(name, header.RawValue, canonical, endLine: true);
            }
        }

        var signature = new Header(HeaderId.DkimSignature, value);
        WriteRelaxedHeader("dkim-signature", signature.RawValue, canonical, endLine: false);
        var bytes = rsa.SignData(canonical.GetBuffer(), 0, (int)canonical.Length, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        signature.Value = value + Convert.ToBase64String(bytes);
        message.Headers.Insert(0, signature);
    }

    /// <summary>
    /// The h= list: each name as many times as the message has it (a name it lacks is left out), and the oversigned
    /// names once more.
    /// </summary>
    internal static List<string> HeaderList(HeaderList present, IReadOnlyList<string> headers)
    {
        var names = new List<string>(headers.Count + OversignedHeaders.Length);
        foreach (var header in headers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var count = present.Count(h => string.Equals(h.Field, header, StringComparison.OrdinalIgnoreCase));
            if (OversignedHeaders.Contains(header, StringComparer.OrdinalIgnoreCase))
            {
                count++;
            }

            names.AddRange(Enumerable.Repeat(header.ToLowerInvariant(), count));
        }

        return names;
    }

    public void Dispose()
    {
        rsa.Dispose();
        body.Dispose();
        canonical.Dispose();
    }

    /// <summary>
    /// RFC 6376 3.4.2: the name in lower case, then the value unfolded, each run of spaces and tabs made one space,
    /// and none at either end.
    /// </summary>
    private static void WriteRelaxedHeader(string name, byte[] rawValue, MemoryStream output, bool endLine)
    {
        output.Write(Encoding.ASCII.GetBytes(name));
        output.WriteByte((byte)':');
        var pendingSpace = false;
        var started = false;
        foreach (var b in rawValue)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (b is (byte)' ' or (byte)'\t')
            {
                pendingSpace = started;
                continue;
            }

            if (pendingSpace)
            {
                output.WriteByte((byte)' ');
                pendingSpace = false;
            }

            output.WriteByte(b);
            started = true;
        }

        if (endLine)
        {
            output.Write("\r\n"u8);
        }
    }

    /// <summary>
    /// RFC 6376 3.4.4: in each line, runs of spaces and tabs become one space and none is left at the end; empty
    /// lines at the end are dropped; a non-empty body ends with CRLF.
    /// </summary>
    internal static void WriteRelaxedBody(ReadOnlySpan<byte> body, Stream output)
    {
        var emptyLines = 0;
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            line = line.TrimEnd(" \t"u8);
            if (line.IsEmpty)
            {
                emptyLines++;
                continue;
            }

            for (; emptyLines > 0; emptyLines--)
            {
                output.Write("\r\n"u8);
            }

            while (!line.IsEmpty)
            {
                var space = line.IndexOfAny((byte)' ', (byte)'\t');
                if (space < 0)
                {
                    output.Write(line);
                    break;
                }

                output.Write(line[..space]);
                output.WriteByte((byte)' ');
                line = line[space..].TrimStart(" \t"u8);
            }

            output.Write("\r\n"u8);
        }
    }
}
