using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountFreeze : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FrozenAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FrozenAt",
                table: "AspNetUsers");
        }
    }
}
