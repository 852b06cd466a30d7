using System.Net;
using Campaigns.Testing;
using Campaigns.Web.Domain.Identity;
using Campaigns.Web.Domain.Security;
using Campaigns.Web.Infrastructure.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Campaigns.IntegrationTests.Security;

/// <summary>
/// Protected fields as a database dump shows them (plain SQL on the raw tables, no app in between), need-to-know
/// grants on the pages, and the audit log that every view of a protected record leaves.
/// </summary>
public sealed class ProtectedRecordsTests(CampaignsAppFactory app) : AppTestBase(app), IClassFixture<CampaignsAppFactory>
{
    private const string Case = "river-defenders-threatened";
    private const string CaseSecret = "Threats received by phone and pamphlet";

    /// <summary>Every protected column, as "table"."column".</summary>
    private static readonly (string Table, string Column)[] ProtectedColumns =
    [
        ("partner_contacts", "Name"), ("partner_contacts", "Email"), ("partner_contacts", "Phone"),
        ("urgent_actions", "ProtectedDetails"),
        ("speakers", "ContactEmail"), ("speakers", "ContactPhone"), ("speakers", "TravelDocuments"),
        ("assistance_requests", "SafetyNotes"),
    ];

    [Fact]
    public async Task A_database_dump_reveals_no_protected_value_written_through_the_app()
    {
        var coordinator = await SignedInAsync("dump-coord@example.org", Roles.Coordinator);
        await PostFormAsync(coordinator, "/admin/partners/new", "/admin/partners/new",
            ("Name", "Colectivo Río Abajo"), ("PublicName", "A river collective"), ("CountryCode", "gt"), ("Sector", "Land"), ("Visibility", "Protected"));
        await PostFormAsync(coordinator, "/admin/partners/colectivo-rio-abajo", "/admin/partners/colectivo-rio-abajo/contacts",
            ("Name", "Rosa Quispe Huamán"), ("Role", "Coordinator"), ("Email", "rosa.quispe@rio.example"), ("Phone", "+502 5550 7788"));
        await App.WithDbAsync(async db =>
        {
            db.UrgentActions.Add(new Campaigns.Web.Domain.Programmes.UrgentAction
            {
                Id = Guid.CreateVersion7(), CaseReference = "UA-DUMP-1", Title = "Detained at the precinct", Slug = "detained-at-the-precinct",
                ProtectedDetails = "Real name: Tomás Huamán Ccori, held at the 4th precinct",
            });
            var speaker = await db.Speakers.OrderBy(s => s.Slug).FirstAsync();
            speaker.TravelDocuments = "Passport HN-Z9988776";
            speaker.ContactEmail = "speaker.private@example.org";
            var request = await db.AssistanceRequests.OrderBy(r => r.Slug).FirstAsync();
            request.SafetyNotes = "Safe house on Calle Morazán 12";
            return await db.SaveChangesAsync();
        });

        var dump = await RawColumnsAsync();

        string[] secrets =
        [
            "Rosa Quispe", "rosa.quispe@rio.example", "5550 7788", "Tomás Huamán", "HN-Z9988776", "speaker.private@example.org", "Calle Morazán",
            CaseSecret, "Compañera Lidia", "lidia@sindicato-textil.example", "Ixchel",
        ];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(dump, v => v.Contains(secret, StringComparison.Ordinal));
        }

        Assert.All(dump.Where(v => v.Length > 0), v => Assert.StartsWith("p1.test1.", v, StringComparison.Ordinal));
        var readBack = await App.WithDbAsync(db => db.PartnerContacts.Select(c => c.Name).ToListAsync());
        Assert.Contains("Rosa Quispe Huamán", readBack);
    }

    [Fact]
    public async Task A_coordinator_without_a_grant_sees_the_case_but_not_its_protected_details_and_leaves_no_view_in_the_audit()
    {
        var coordinator = await SignedInAsync("no-grant@example.org", Roles.Coordinator);
        var userId = await UserIdAsync("no-grant@example.org");

        var details = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/alerts/{Case}"));
        var edit = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/alerts/{Case}/edit"));
        var partner = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/admin/partners/sindicato-textil-norte"));

        Assert.Contains("River defenders", details, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CaseSecret, details, StringComparison.Ordinal);
        Assert.Contains("Protected — ask an admin for access.", details, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseSecret, edit, StringComparison.Ordinal);
        Assert.DoesNotContain("Compañera Lidia", partner, StringComparison.Ordinal);
        Assert.DoesNotContain("lidia@sindicato-textil.example", partner, StringComparison.Ordinal);
        Assert.Contains("protected — ask an admin for access", partner, StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.UserId == userId)));
    }

    [Fact]
    public async Task An_admin_grants_a_case_the_coordinator_then_sees_it_every_view_is_audited_and_the_export_has_it()
    {
        var admin = await SignedInAsync("grant-admin@example.org", Roles.Admin);
        var coordinator = await SignedInAsync("granted@example.org", Roles.Coordinator);
        var coordinatorId = await UserIdAsync("granted@example.org");
        var caseId = await App.WithDbAsync(db => db.UrgentActions.Where(a => a.Slug == Case).Select(a => a.Id).SingleAsync());

        var granted = await PostFormAsync(admin, "/admin/access", "/admin/access/grants", ("UserId", coordinatorId.ToString()), ("Record", $"case:{caseId}"));
        Assert.Equal("/admin/access", granted.Headers.Location?.OriginalString);
        Assert.Contains("granted@example.org", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/access")), StringComparison.Ordinal);

        var details = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/alerts/{Case}"));
        Assert.Contains(CaseSecret, details, StringComparison.Ordinal);

        var views = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.UserId == coordinatorId && e.RecordId == caseId && e.Action == AuditActions.View).ToListAsync());
        var view = Assert.Single(views);
        Assert.Equal(AuditRecords.UrgentAction, view.RecordType);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Grant && e.RecordId == caseId && e.Detail == $"user {coordinatorId}")));

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?RecordType=urgent-action&RecordId={caseId}"));
        Assert.Contains("granted@example.org", page, StringComparison.Ordinal);
        var export = await admin.GetAsync($"/admin/audit/export?User=granted@example.org");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("at,user_email,user_id,action,record_type,record_id,detail,ip_address", csv, StringComparison.Ordinal);
        Assert.Contains($"\"granted@example.org\",\"{coordinatorId}\",\"view\",\"urgent-action\",\"{caseId}\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(CaseSecret, csv, StringComparison.Ordinal);

        var grantId = await App.WithDbAsync(db => db.AccessGrants.Where(g => g.UserId == coordinatorId && g.RecordId == caseId).Select(g => g.Id).SingleAsync());
        await PostFormAsync(admin, "/admin/access", $"/admin/access/grants/{grantId}/revoke");
        Assert.DoesNotContain(CaseSecret, WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/alerts/{Case}")), StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Revoke && e.RecordId == caseId)));
    }

    [Fact]
    public async Task A_grant_on_a_partner_opens_its_contacts_and_the_view_is_audited()
    {
        var admin = await SignedInAsync("partner-admin@example.org", Roles.Admin);
        var coordinator = await SignedInAsync("partner-coord@example.org", Roles.Coordinator);
        var coordinatorId = await UserIdAsync("partner-coord@example.org");
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "tierra-y-libertad").Select(p => p.Id).SingleAsync());

        await PostFormAsync(admin, "/admin/access", "/admin/access/grants", ("UserId", coordinatorId.ToString()), ("Record", $"partner:{partnerId}"));
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/admin/partners/tierra-y-libertad"));

        Assert.Contains("ixchel@tierra.example", page, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == coordinatorId && e.RecordType == AuditRecords.Partner && e.RecordId == partnerId && e.Action == AuditActions.View)));
    }

    [Fact]
    public async Task An_admin_needs_a_grant_too_and_may_grant_themselves()
    {
        var admin = await SignedInAsync("self-admin@example.org", Roles.Admin);
        var adminId = await UserIdAsync("self-admin@example.org");
        var caseId = await App.WithDbAsync(db => db.UrgentActions.Where(a => a.Slug == Case).Select(a => a.Id).SingleAsync());
        Assert.DoesNotContain(CaseSecret, WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/alerts/{Case}")), StringComparison.Ordinal);

        await PostFormAsync(admin, "/admin/access", "/admin/access/grants", ("UserId", adminId.ToString()), ("Record", $"case:{caseId}"));

        Assert.Contains(CaseSecret, WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/alerts/{Case}")), StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == adminId && e.Action == AuditActions.Grant && e.RecordId == caseId)));
    }

    [Fact]
    public async Task Safety_notes_of_a_request_open_with_a_grant_on_its_partner()
    {
        var coordinator = await SignedInAsync("safety-coord@example.org", Roles.Coordinator);
        const string Page = "/admin/assistance/requests/solar-fridge-installation";
        const string Notes = "Security situation changes weekly";

        var before = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page));
        await TestUsers.GrantPartnerAsync(App, "safety-coord@example.org", "sante-pour-tous-kivu");
        var after = WebUtility.HtmlDecode(await coordinator.GetStringAsync(Page));

        Assert.DoesNotContain(Notes, before, StringComparison.Ordinal);
        Assert.Contains("Protected — ask an admin for access.", before, StringComparison.Ordinal);
        Assert.Contains(Notes, after, StringComparison.Ordinal);
        var userId = await UserIdAsync("safety-coord@example.org");
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == userId && e.RecordType == AuditRecords.AssistanceRequest && e.Action == AuditActions.View)));
    }

    [Fact]
    public async Task A_partner_user_reads_its_own_safety_notes_without_a_grant_and_the_view_is_audited()
    {
        var user = await TestUsers.CreateAsync(App, "kivu-partner@example.org", Roles.Partner);
        await App.WithDbAsync(async db =>
        {
            var partnerId = await db.Partners.Where(p => p.Slug == "sante-pour-tous-kivu").Select(p => p.Id).SingleAsync();
            return await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.PartnerOrganisationId, partnerId));
        });
        var partner = NewBrowser();
        await SignInAsync(partner, "kivu-partner@example.org", TestUsers.Password);

        var page = WebUtility.HtmlDecode(await partner.GetStringAsync("/partner/requests/solar-fridge-installation"));

        Assert.Contains("Security situation changes weekly", page, StringComparison.Ordinal);
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == user.Id && e.RecordType == AuditRecords.AssistanceRequest && e.Action == AuditActions.View)));
    }

    [Fact]
    public async Task A_volunteer_the_partner_accepted_reads_the_safety_notes_decrypted()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Campaigns.Web.Data.CampaignsDbContext>();
        var read = scope.ServiceProvider.GetRequiredService<Campaigns.Web.Features.Assistance.ReadAssistance>();
        var request = await db.AssistanceRequests.SingleAsync(r => r.Slug == "secure-communications-training");
        var volunteerId = (await TestUsers.CreateAsync(App, "accepted-volunteer@example.org", Roles.Volunteer)).Id;
        db.Deployments.Add(new Campaigns.Web.Domain.Assistance.Deployment
        {
            Id = Guid.CreateVersion7(), RequestId = request.Id, VolunteerId = volunteerId, Status = Campaigns.Web.Domain.Assistance.DeploymentStatus.Accepted,
            ProposedAt = DateTimeOffset.UtcNow, ProposedBy = volunteerId, AcceptedAt = DateTimeOffset.UtcNow, AcceptedBy = volunteerId,
        });
        await db.SaveChangesAsync();

        var row = Assert.Single(await read.DeploymentsAsync(read.OfVolunteer(volunteerId).Where(d => d.RequestId == request.Id), contactsAlways: false, CancellationToken.None));

        Assert.Equal(request.SafetyNotes, row.SafetyNotes);
        Assert.StartsWith("Reporters have been followed", row.SafetyNotes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_speaker_without_a_grant_keeps_the_stored_contact_and_documents()
    {
        var coordinator = await SignedInAsync("speaker-editor@example.org", Roles.Coordinator);
        const string Slug = "maria-elena-rodriguez";
        var stored = await App.WithDbAsync(db => db.Speakers.Where(s => s.Slug == Slug).Select(s => new { s.ContactEmail, s.TravelDocuments }).SingleAsync());
        var form = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/admin/tours/speakers/{Slug}"));
        Assert.DoesNotContain("name=\"TravelDocuments\"", form, StringComparison.Ordinal);

        var saved = await PostFormAsync(coordinator, $"/admin/tours/speakers/{Slug}", $"/admin/tours/speakers/{Slug}",
            ("DisplayName", "María Elena Rodríguez"), ("PartnerSlug", "sindicato-textil-norte"), ("ContactEmail", "overwritten@example.org"), ("TravelDocuments", ""));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await App.WithDbAsync(db => db.Speakers.Where(s => s.Slug == Slug).Select(s => new { s.ContactEmail, s.TravelDocuments }).SingleAsync());
        Assert.Equal(stored, after);
    }

    [Fact]
    public async Task Coordinators_cannot_reach_the_grants_or_the_audit_log()
    {
        var coordinator = await SignedInAsync("nosy@example.org", Roles.Coordinator);

        foreach (var path in new[] { "/admin/access", "/admin/audit", "/admin/audit/export" })
        {
            var response = await coordinator.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/denied", StringComparison.Ordinal)), path);
        }
    }

    [Fact]
    public async Task The_audit_log_refuses_update_delete_and_truncate_in_the_database()
    {
        var entryId = await App.WithDbAsync(async db =>
        {
            var entry = new AuditEntry { Id = Guid.CreateVersion7(), At = DateTimeOffset.UtcNow, Action = "view", RecordType = "partner", RecordId = Guid.NewGuid() };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     $"UPDATE audit_entries SET \"Action\" = 'forged' WHERE \"Id\" = '{entryId}'",
                     $"DELETE FROM audit_entries WHERE \"Id\" = '{entryId}'",
                     "TRUNCATE audit_entries",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => App.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == entryId).ExecuteDeleteAsync()));
        Assert.Equal("view", await App.WithDbAsync(db => db.AuditEntries.Where(e => e.Id == entryId).Select(e => e.Action).SingleAsync()));
    }

    [Fact]
    public async Task The_reencrypt_job_encrypts_legacy_plaintext_and_is_safe_to_run_twice()
    {
        await App.WaitForJobsAsync(TimeSpan.FromSeconds(60));
        var requestSlug = await App.WithDbAsync(db => db.AssistanceRequests.OrderBy(r => r.Slug).Select(r => r.Slug).FirstAsync());
        await ExecuteAsync($"UPDATE assistance_requests SET \"SafetyNotes\" = 'Legacy: meet at the back door' WHERE \"Slug\" = '{requestSlug}'");
        Assert.Equal("Legacy: meet at the back door", await App.WithDbAsync(db => db.AssistanceRequests.Where(r => r.Slug == requestSlug).Select(r => r.SafetyNotes).SingleAsync()));

        await RunReencryptAsync();
        var once = await RawAsync($"SELECT \"SafetyNotes\" FROM assistance_requests WHERE \"Slug\" = '{requestSlug}'");
        await RunReencryptAsync();
        var twice = await RawAsync($"SELECT \"SafetyNotes\" FROM assistance_requests WHERE \"Slug\" = '{requestSlug}'");

        Assert.StartsWith("p1.test1.", once.Single(), StringComparison.Ordinal);
        Assert.Equal(once, twice);
        Assert.Equal("Legacy: meet at the back door", await App.WithDbAsync(db => db.AssistanceRequests.Where(r => r.Slug == requestSlug).Select(r => r.SafetyNotes).SingleAsync()));
    }

    [Fact]
    public async Task Moving_a_speaker_to_a_partner_one_knows_is_refused_without_need_to_know_of_the_old_partner()
    {
        const string Speaker = "/admin/tours/speakers/ana-moved-away";
        var owner = await SignedInAsync("speaker-owner@example.org", Roles.Coordinator);
        await TestUsers.GrantPartnerAsync(App, "speaker-owner@example.org", "sindicato-textil-norte");
        await PostFormAsync(owner, "/admin/tours/speakers/new", "/admin/tours/speakers/new",
            ("DisplayName", "Ana moved away"), ("PartnerSlug", "sindicato-textil-norte"), ("ContactEmail", "ana.private@example.org"), ("ContactPhone", "+504 5550 1111"));
        var mover = await SignedInAsync("speaker-mover@example.org", Roles.Coordinator);
        await TestUsers.GrantPartnerAsync(App, "speaker-mover@example.org", "tierra-y-libertad");

        var moved = await PostFormAsync(mover, Speaker, Speaker, ("DisplayName", "Ana moved away"), ("PartnerSlug", "tierra-y-libertad"));
        var page = WebUtility.HtmlDecode(await mover.GetStringAsync(Speaker));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Only someone with access to both partners can move this speaker", WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("sindicato-textil-norte", await App.WithDbAsync(db => db.Speakers.Where(s => s.Slug == "ana-moved-away")
            .Select(s => db.Partners.Where(p => p.Id == s.PartnerOrganisationId).Select(p => p.Slug).Single()).SingleAsync()));
        Assert.DoesNotContain("ana.private@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("5550 1111", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_speaker_with_need_to_know_of_both_partners_is_saved_and_written_to_the_audit_log()
    {
        const string Speaker = "/admin/tours/speakers/ben-moved-along";
        var coordinator = await SignedInAsync("both-partners@example.org", Roles.Coordinator);
        await TestUsers.GrantPartnerAsync(App, "both-partners@example.org", "sindicato-textil-norte");
        await TestUsers.GrantPartnerAsync(App, "both-partners@example.org", "tierra-y-libertad");
        await PostFormAsync(coordinator, "/admin/tours/speakers/new", "/admin/tours/speakers/new",
            ("DisplayName", "Ben moved along"), ("PartnerSlug", "sindicato-textil-norte"), ("ContactEmail", "ben.private@example.org"));

        var moved = await PostFormAsync(coordinator, Speaker, Speaker, ("DisplayName", "Ben moved along"), ("PartnerSlug", "tierra-y-libertad"), ("ContactEmail", "ben.private@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var userId = await UserIdAsync("both-partners@example.org");
        var (speakerId, from, to) = await App.WithDbAsync(async db => (
            await db.Speakers.Where(s => s.Slug == "ben-moved-along").Select(s => s.Id).SingleAsync(),
            await db.Partners.Where(p => p.Slug == "sindicato-textil-norte").Select(p => p.Id).SingleAsync(),
            await db.Partners.Where(p => p.Slug == "tierra-y-libertad").Select(p => p.Id).SingleAsync()));
        var move = Assert.Single(await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordId == speakerId && e.Action == AuditActions.Move).ToListAsync()));
        Assert.Equal(userId, move.UserId);
        Assert.Equal(AuditRecords.Speaker, move.RecordType);
        Assert.Equal($"partner {from} -> {to}", move.Detail);
    }

    [Fact]
    public async Task An_admin_without_need_to_know_of_a_partner_cannot_make_an_account_speak_for_it()
    {
        var admin = await SignedInAsync("partner-maker@example.org", Roles.Admin);
        var person = await TestUsers.CreateAsync(App, "would-be-partner@example.org");
        var partnerId = await App.WithDbAsync(db => db.Partners.Where(p => p.Slug == "defensoras-del-rio").Select(p => p.Id).SingleAsync());

        await PostFormAsync(admin, "/admin/users", $"/admin/users/{person.Id}/roles", ("Roles", Roles.Partner), ("PartnerOrganisationId", partnerId.ToString()));
        var refused = await App.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.PartnerOrganisationId).SingleAsync());
        var invited = await PostFormAsync(admin, "/admin/users", "/admin/users/invite",
            ("DisplayName", "Invited partner"), ("Email", "invited-partner@example.org"), ("Roles", Roles.Partner), ("PartnerOrganisationId", partnerId.ToString()));

        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "invited-partner@example.org")));

        await TestUsers.GrantPartnerAsync(App, "partner-maker@example.org", "defensoras-del-rio");
        await PostFormAsync(admin, "/admin/users", $"/admin/users/{person.Id}/roles", ("Roles", Roles.Partner), ("PartnerOrganisationId", partnerId.ToString()));
        Assert.Equal(partnerId, await App.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.PartnerOrganisationId).SingleAsync()));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == person.Id && e.Action == AuditActions.Move && e.RecordType == AuditRecords.User)));
    }

    private async Task RunReencryptAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReencryptProtectedFieldsJob>().RunAsync(CancellationToken.None);
    }

    private async Task<HttpClient> SignedInAsync(string email, string role)
    {
        await TestUsers.CreateAsync(App, email, role);
        var browser = NewBrowser();
        await SignInAsync(browser, email, TestUsers.Password);
        return browser;
    }

    private Task<Guid> UserIdAsync(string email) => App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<List<string>> RawColumnsAsync()
    {
        var values = new List<string>();
        foreach (var (table, column) in ProtectedColumns)
        {
            values.AddRange(await RawAsync($"SELECT \"{column}\" FROM {table} WHERE \"{column}\" IS NOT NULL"));
        }

        return values;
    }

    private async Task<List<string>> RawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
