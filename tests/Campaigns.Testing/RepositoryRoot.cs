namespace Campaigns.Testing;

/// <summary>The clone's root folder, found from the test binaries upwards: tools and artifacts are placed relative to it.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Campaigns.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Campaigns.sln not found above the test binaries.");
    }
}
