using Microsoft.Extensions.Options;

namespace Campaigns.Web.Features.Library;

/// <summary>Uploaded PDFs on disk, named by item id so a file name from outside never becomes a path.</summary>
public sealed class LibraryFiles(IOptions<LibraryOptions> options, IHostEnvironment environment)
{
    public string Folder { get; } = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    public long MaxBytes => options.Value.MaxUploadMegabytes * 1024L * 1024L;

    public string PathOf(string storedFile) => Path.Combine(Folder, Path.GetFileName(storedFile));

    /// <summary>Saves the upload if it is a PDF (by its first bytes, not its name) and not too big; null otherwise.</summary>
    public async Task<string?> SaveAsync(Guid itemId, IFormFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return null;
        }

        var header = new byte[5];
        await using (var peek = file.OpenReadStream())
        {
            if (await peek.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) < header.Length
                || !header.AsSpan().SequenceEqual("%PDF-"u8))
            {
                return null;
            }
        }

        Directory.CreateDirectory(Folder);
        var name = $"{itemId:N}.pdf";
        var temporary = PathOf(name) + ".tmp";
        await using (var target = File.Create(temporary))
        {
            await file.CopyToAsync(target, cancellationToken);
        }

        File.Move(temporary, PathOf(name), overwrite: true);
        return name;
    }
}
