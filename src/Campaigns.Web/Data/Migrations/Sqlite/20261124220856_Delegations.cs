using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Delegations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rosters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    PartnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BriefingText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rosters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rosters_partners_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "roster_days",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RosterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnchorAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_roster_days_rosters_RosterId",
                        column: x => x.RosterId,
                        principalTable: "rosters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roster_roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RosterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Needed = table.Column<int>(type: "INTEGER", nullable: false),
                    Approved = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_roles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_roster_roles_rosters_RosterId",
                        column: x => x.RosterId,
                        principalTable: "rosters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roster_check_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RosterDayId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_check_ins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_roster_check_ins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_roster_check_ins_roster_days_RosterDayId",
                        column: x => x.RosterDayId,
                        principalTable: "roster_days",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roster_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RosterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roster_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_roster_applications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_roster_applications_roster_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "roster_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_roster_applications_rosters_RosterId",
                        column: x => x.RosterId,
                        principalTable: "rosters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_roster_applications_RoleId",
                table: "roster_applications",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_roster_applications_RosterId_UserId",
                table: "roster_applications",
                columns: new[] { "RosterId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roster_applications_UserId",
                table: "roster_applications",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_roster_check_ins_RosterDayId_UserId",
                table: "roster_check_ins",
                columns: new[] { "RosterDayId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roster_check_ins_UserId",
                table: "roster_check_ins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_roster_days_RosterId_AnchorAt",
                table: "roster_days",
                columns: new[] { "RosterId", "AnchorAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_roster_roles_RosterId",
                table: "roster_roles",
                column: "RosterId");

            migrationBuilder.CreateIndex(
                name: "IX_rosters_PartnerOrganisationId",
                table: "rosters",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_rosters_Slug",
                table: "rosters",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "roster_applications");

            migrationBuilder.DropTable(
                name: "roster_check_ins");

            migrationBuilder.DropTable(
                name: "roster_roles");

            migrationBuilder.DropTable(
                name: "roster_days");

            migrationBuilder.DropTable(
                name: "rosters");
        }
    }
}
