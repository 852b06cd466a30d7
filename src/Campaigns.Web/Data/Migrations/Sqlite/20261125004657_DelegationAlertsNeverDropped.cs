using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DelegationAlertsNeverDropped : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rosters opened before this release keep their rules: their missed check-in alerts must survive an
            // outage too.
            migrationBuilder.Sql("""UPDATE reminder_rules SET "NeverDropped" = 1 WHERE "Kind" = 'delegation-missed-check-in';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE reminder_rules SET "NeverDropped" = 0 WHERE "Kind" = 'delegation-missed-check-in';""");
        }
    }
}
