using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountFreeze : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FrozenAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
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
