using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;

namespace TrafficOrleans.Api.Dashboard;

/// <summary>Content types of the dashboard's files, where <c>main.js.br</c> is served as what <c>main.js</c> is.</summary>
public sealed class PrecompressedContentTypes : IContentTypeProvider
{
    private readonly FileExtensionContentTypeProvider _inner = new();

    /// <inheritdoc />
    public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType)
    {
        ArgumentNullException.ThrowIfNull(subpath);
        var original = PrecompressedFiles.Uncompressed(subpath);
        return _inner.TryGetContentType(original, out contentType);
    }
}
