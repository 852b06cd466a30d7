using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
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
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "tour_stops",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "tour_stops",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OneClickUnsubscribeUrl",
                table: "queued_emails",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "event_invitation_preferences",
                type: "text",
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
