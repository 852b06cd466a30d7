using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Infrastructure.Security;

namespace Campaigns.Tests.Infrastructure.Security;

public sealed class AdminBootstrapperTests
{
    [Fact]
    public void The_generated_admin_password_satisfies_the_password_policy() =>
        Assert.Equal(PasswordVerdict.Acceptable, PasswordPolicy.Check(AdminBootstrapper.GeneratePassword(), new HashSet<string>()));

    [Fact]
    public void Every_run_generates_a_different_password()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => AdminBootstrapper.GeneratePassword()).ToHashSet();

        Assert.Equal(50, passwords.Count);
    }
}
