using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Campaigns.Web.Infrastructure.Security;

/// <summary>
/// Removes control characters other than tab and line breaks from every bound string. PostgreSQL refuses a NUL
/// in text, so without this one hostile byte in any form field turned into a server error instead of a message.
/// </summary>
public sealed class ControlCharacterModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Metadata.ModelType == typeof(string) && !context.Metadata.IsComplexType
            ? new ControlCharacterModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }
}

public sealed class ControlCharacterModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.IsModelSet && bindingContext.Result.Model is string value && value.Any(IsUnwanted))
        {
            bindingContext.Result = ModelBindingResult.Success(string.Concat(value.Where(c => !IsUnwanted(c))));
        }
    }

    private static bool IsUnwanted(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');
}
