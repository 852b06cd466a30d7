using System.Security.Cryptography;
using Campaigns.Web.Infrastructure.Hosting;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Campaigns.Tests.Infrastructure.Protection;

public sealed class FieldCipherTests
{
    private static readonly byte[] KeyOne = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] KeyTwo = RandomNumberGenerator.GetBytes(32);

    private static FieldCipher Cipher(string current, params (string Id, byte[] Key)[] keys) =>
        new(keys.ToDictionary(k => k.Id, k => k.Key), current);

    [Fact]
    public void A_value_comes_back_as_it_was_written()
    {
        var cipher = Cipher("k1", ("k1", KeyOne));

        Assert.Equal("Rosa Quispe, +51 999 000 111 — ñ, 漢字", cipher.Unprotect(cipher.Protect("Rosa Quispe, +51 999 000 111 — ñ, 漢字")));
    }

    [Fact]
    public void Stored_text_carries_the_version_and_key_id_and_no_plaintext()
    {
        var stored = Cipher("k1", ("k1", KeyOne)).Protect("Passport G1234567");

        Assert.StartsWith("p1.k1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("G1234567", stored, StringComparison.Ordinal);
        Assert.True(FieldCipher.IsProtected(stored));
    }

    [Fact]
    public void The_same_text_encrypts_differently_each_time()
    {
        var cipher = Cipher("k1", ("k1", KeyOne));

        Assert.NotEqual(cipher.Protect("same"), cipher.Protect("same"));
    }

    [Fact]
    public void Empty_text_stays_empty()
    {
        var cipher = Cipher("k1", ("k1", KeyOne));

        Assert.Equal("", cipher.Protect(""));
        Assert.Equal("", cipher.Unprotect(""));
    }

    [Fact]
    public void Text_without_the_prefix_is_legacy_plaintext_and_reads_as_it_is()
    {
        Assert.Equal("written before protection", Cipher("k1", ("k1", KeyOne)).Unprotect("written before protection"));
        Assert.False(FieldCipher.IsProtected("written before protection"));
    }

    [Fact]
    public void After_rotation_values_under_the_old_key_still_decrypt_and_new_ones_use_the_new_key()
    {
        var old = Cipher("k1", ("k1", KeyOne)).Protect("case subject");
        var rotated = Cipher("k2", ("k1", KeyOne), ("k2", KeyTwo));

        Assert.Equal("case subject", rotated.Unprotect(old));
        Assert.StartsWith("p1.k2.", rotated.Protect("case subject"), StringComparison.Ordinal);
        Assert.Equal("p1.k2.", rotated.CurrentPrefix);
    }

    [Fact]
    public void A_value_under_a_key_that_is_not_configured_is_refused()
    {
        var stored = Cipher("k1", ("k1", KeyOne)).Protect("secret");

        Assert.ThrowsAny<CryptographicException>(() => Cipher("k2", ("k2", KeyTwo)).Unprotect(stored));
    }

    [Fact]
    public void A_tampered_value_is_refused()
    {
        var cipher = Cipher("k1", ("k1", KeyOne));
        var stored = cipher.Protect("secret");
        var bytes = Convert.FromBase64String(stored["p1.k1.".Length..]);
        bytes[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect("p1.k1." + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_value_relabelled_to_another_key_id_is_refused_even_with_the_same_key_bytes()
    {
        var cipher = Cipher("k1", ("k1", KeyOne), ("k9", KeyOne));
        var stored = cipher.Protect("secret");

        Assert.ThrowsAny<CryptographicException>(() => cipher.Unprotect("p1.k9." + stored["p1.k1.".Length..]));
    }

    [Fact]
    public void A_key_shorter_than_256_bits_stops_start_naming_the_setting()
    {
        var options = new ProtectionOptions { Keys = { ["k1"] = Convert.ToBase64String(new byte[16]) } };

        var failure = Assert.Throws<StartupException>(() => ProtectionKeyRing.Load(options, new Host("Production", Path.GetTempPath())));

        Assert.StartsWith("Protection:Keys:k1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_key_outside_development_stops_start_naming_the_setting()
    {
        var failure = Assert.Throws<StartupException>(() => ProtectionKeyRing.Load(new ProtectionOptions(), new Host("Production", Path.GetTempPath())));

        Assert.StartsWith("Protection:Keys", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_keys_without_a_current_one_stop_start_naming_the_setting()
    {
        var options = new ProtectionOptions { Keys = { ["k1"] = Convert.ToBase64String(KeyOne), ["k2"] = Convert.ToBase64String(KeyTwo) } };

        var failure = Assert.Throws<StartupException>(() => ProtectionKeyRing.Load(options, new Host("Production", Path.GetTempPath())));

        Assert.StartsWith("Protection:CurrentKeyId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_a_key_file_is_generated_once_beside_the_database_and_reused()
    {
        var root = Directory.CreateTempSubdirectory("campaigns-keys-").FullName;
        try
        {
            var first = ProtectionKeyRing.Load(new ProtectionOptions(), new Host("Development", root));
            var stored = first.Protect("kept across restarts");
            var second = ProtectionKeyRing.Load(new ProtectionOptions(), new Host("Development", root));

            Assert.True(File.Exists(Path.Combine(root, "App_Data", "protection-keys.json")));
            Assert.Equal("kept across restarts", second.Unprotect(stored));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_key_file_is_merged_with_keys_from_configuration()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $$"""{"old": "{{Convert.ToBase64String(KeyOne)}}"}""");
            var old = Cipher("old", ("old", KeyOne)).Protect("from the file");
            var options = new ProtectionOptions { KeyFile = file, Keys = { ["new"] = Convert.ToBase64String(KeyTwo) }, CurrentKeyId = "new" };

            var cipher = ProtectionKeyRing.Load(options, new Host("Production", Path.GetTempPath()));

            Assert.Equal("from the file", cipher.Unprotect(old));
            Assert.Equal("new", cipher.CurrentKeyId);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed class Host(string environmentName, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "Campaigns.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
