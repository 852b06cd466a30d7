using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Schedules set before check-ins moved onto the reminder engine get their two rules, so that a volunteer
            // already in the field keeps being asked and a missed check-in still alerts the coordinator. Guids are
            // stored as upper-case text; CreatedAt borrows the schedule's time, already in the binary-ticks encoding.
            migrationBuilder.Sql("""
                INSERT INTO reminder_rules ("Id", "Kind", "ScopeId", "OffsetMinutes", "Enabled", "CustomText", "CreatedAt", "NeverDropped")
                SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12),
                       kind, "DeploymentId", offset_minutes, 1, NULL, "NextDueAt", 1
                FROM (
                    SELECT hex(randomblob(16)) AS h, k.kind, s."DeploymentId", s."NextDueAt",
                           CASE WHEN k.kind = 'assistance-missed-check-in' THEN s."GraceHours" * 60 ELSE 0 END AS offset_minutes
                    FROM check_in_schedules s
                    CROSS JOIN (SELECT 'assistance-check-in' AS kind UNION ALL SELECT 'assistance-missed-check-in') k
                    WHERE s."Active"
                      AND NOT EXISTS (SELECT 1 FROM reminder_rules r WHERE r."ScopeId" = s."DeploymentId" AND r."Kind" = k.kind)
                );
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
