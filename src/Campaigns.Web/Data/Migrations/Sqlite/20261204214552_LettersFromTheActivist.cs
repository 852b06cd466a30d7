using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LettersFromTheActivist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "targets",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToAddress",
                table: "queued_emails",
                type: "TEXT",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToName",
                table: "queued_emails",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OnceKey",
                table: "alert_actions_taken",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_contacts_CampaignId_TargetId_Kind_SupporterEmail",
                table: "lobbying_contacts",
                columns: new[] { "CampaignId", "TargetId", "Kind", "SupporterEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_actions_taken_UrgentActionId_Kind_OnceKey",
                table: "alert_actions_taken",
                columns: new[] { "UrgentActionId", "Kind", "OnceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_lobbying_contacts_CampaignId_TargetId_Kind_SupporterEmail",
                table: "lobbying_contacts");

            migrationBuilder.DropIndex(
                name: "IX_alert_actions_taken_UrgentActionId_Kind_OnceKey",
                table: "alert_actions_taken");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "ReplyToAddress",
                table: "queued_emails");

            migrationBuilder.DropColumn(
                name: "ReplyToName",
                table: "queued_emails");

            migrationBuilder.DropColumn(
                name: "OnceKey",
                table: "alert_actions_taken");
        }
    }
}
