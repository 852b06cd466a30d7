using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AssistanceCheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NeverDropped",
                table: "reminder_rules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Schedules set before check-ins moved onto the reminder engine get their two rules, so that a volunteer
            // already in the field keeps being asked and a missed check-in still alerts the coordinator.
            migrationBuilder.Sql("""
                INSERT INTO reminder_rules ("Id", "Kind", "ScopeId", "OffsetMinutes", "Enabled", "CustomText", "CreatedAt", "NeverDropped")
                SELECT gen_random_uuid(), k.kind, s."DeploymentId",
                       CASE WHEN k.kind = 'assistance-missed-check-in' THEN s."GraceHours" * 60 ELSE 0 END, TRUE, NULL, now(), TRUE
                FROM check_in_schedules s
                CROSS JOIN (VALUES ('assistance-check-in'), ('assistance-missed-check-in')) AS k(kind)
                WHERE s."Active"
                  AND NOT EXISTS (SELECT 1 FROM reminder_rules r WHERE r."ScopeId" = s."DeploymentId" AND r."Kind" = k.kind);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NeverDropped",
                table: "reminder_rules");
        }
    }
}
