using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Campaigns.Web.Infrastructure.Protection;

/// <summary>
/// Marks properties as protected in their configuration, and puts the encrypting converter on every marked property
/// once the model is built. Protected columns hold ciphertext: never filter, order or search on them in SQL.
/// </summary>
public static class ProtectedFields
{
    public const string Annotation = "Campaigns:Protected";

    /// <summary>Ciphertext is longer than the text and depends on its encoding: the column is unbounded; forms limit input.</summary>
    public static PropertyBuilder<TText> IsProtected<TText>(this PropertyBuilder<TText> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasAnnotation(Annotation, true);
    }

    public static IEnumerable<IProperty> All(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.FindAnnotation(Annotation)?.Value is true);
    }

    /// <summary>
    /// The cipher of the application that owns this context, or null at design time (migrations need no key: a
    /// string-to-string converter changes no column).
    /// </summary>
    public static FieldCipher? CipherOf(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var app = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return app?.GetService<FieldCipher>();
    }

    public static void Apply(ModelBuilder builder, FieldCipher? cipher)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (cipher is null)
        {
            return;
        }

        var converter = new ValueConverter<string, string>(v => cipher.Protect(v), v => cipher.Unprotect(v));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
                     .Where(p => p.FindAnnotation(Annotation)?.Value is true))
        {
            property.SetValueConverter(converter);
        }
    }
}

/// <summary>
/// EF Core caches the model per context type for the whole process, and the converter holds the cipher. Keying the
/// cache by the cipher too gives each application instance (several test hosts in one process, each with its own
/// keys) a model that encrypts with its own keys. See docs/adr/0008-protected-fields.md.
/// </summary>
public sealed class ProtectedModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), designTime, ProtectedFields.CipherOf(context));
}
