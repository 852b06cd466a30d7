using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
