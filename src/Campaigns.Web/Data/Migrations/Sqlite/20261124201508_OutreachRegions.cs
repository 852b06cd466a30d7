using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutreachRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "tour_stops",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "tour_stops",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "tour_stops",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OneClickUnsubscribeUrl",
                table: "queued_emails",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "event_invitation_preferences",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "tour_stops");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "tour_stops");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "tour_stops");

            migrationBuilder.DropColumn(
                name: "OneClickUnsubscribeUrl",
                table: "queued_emails");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "event_invitation_preferences");
        }
    }
}
