using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RsvpViaMember : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ViaMemberId",
                table: "rsvps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_rsvps_ViaMemberId",
                table: "rsvps",
                column: "ViaMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_rsvps_coalition_members_ViaMemberId",
                table: "rsvps",
                column: "ViaMemberId",
                principalTable: "coalition_members",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_rsvps_coalition_members_ViaMemberId",
                table: "rsvps");

            migrationBuilder.DropIndex(
                name: "IX_rsvps_ViaMemberId",
                table: "rsvps");

            migrationBuilder.DropColumn(
                name: "ViaMemberId",
                table: "rsvps");
        }
    }
}
