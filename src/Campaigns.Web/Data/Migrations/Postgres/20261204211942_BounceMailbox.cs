using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BounceMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_soft_bounces",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddressKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_soft_bounces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_soft_bounces_AddressKey_ReceivedAt",
                table: "alert_soft_bounces",
                columns: new[] { "AddressKey", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_soft_bounces_ReceivedAt",
                table: "alert_soft_bounces",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_soft_bounces");
        }
    }
}
