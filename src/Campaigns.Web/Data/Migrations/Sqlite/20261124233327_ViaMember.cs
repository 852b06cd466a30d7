using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ViaMember : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ViaMemberId",
                table: "alert_actions_taken",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ViaMemberId",
                table: "aid_donations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_actions_taken_ViaMemberId",
                table: "alert_actions_taken",
                column: "ViaMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_ViaMemberId",
                table: "aid_donations",
                column: "ViaMemberId");

            migrationBuilder.AddForeignKey(
                name: "FK_aid_donations_coalition_members_ViaMemberId",
                table: "aid_donations",
                column: "ViaMemberId",
                principalTable: "coalition_members",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_alert_actions_taken_coalition_members_ViaMemberId",
                table: "alert_actions_taken",
                column: "ViaMemberId",
                principalTable: "coalition_members",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_aid_donations_coalition_members_ViaMemberId",
                table: "aid_donations");

            migrationBuilder.DropForeignKey(
                name: "FK_alert_actions_taken_coalition_members_ViaMemberId",
                table: "alert_actions_taken");

            migrationBuilder.DropIndex(
                name: "IX_alert_actions_taken_ViaMemberId",
                table: "alert_actions_taken");

            migrationBuilder.DropIndex(
                name: "IX_aid_donations_ViaMemberId",
                table: "aid_donations");

            migrationBuilder.DropColumn(
                name: "ViaMemberId",
                table: "alert_actions_taken");

            migrationBuilder.DropColumn(
                name: "ViaMemberId",
                table: "aid_donations");
        }
    }
}
