using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Assistance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HoursPerWeek",
                table: "assistance_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "assistance_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "OnSite",
                table: "assistance_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "Remote",
                table: "assistance_requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SafetyNotes",
                table: "assistance_requests",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "assistance_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "assistance_request_languages",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    MinimumLevel = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assistance_request_languages", x => new { x.RequestId, x.LanguageCode });
                    table.ForeignKey(
                        name: "FK_assistance_request_languages_assistance_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "assistance_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deployments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DeclinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclinedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    BriefedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BriefedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StartedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "uuid", nullable: true),
                    HandoverReport = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    HandoverAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PartnerRating = table.Column<int>(type: "integer", nullable: true),
                    PartnerComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deployments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_deployments_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_deployments_assistance_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "assistance_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "skill_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_skill_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_profiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Remote = table.Column<bool>(type: "boolean", nullable: false),
                    OnSite = table.Column<bool>(type: "boolean", nullable: false),
                    References = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BackgroundCheck = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BackgroundCheckSetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BackgroundCheckSetBy = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_profiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_volunteer_profiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_in_schedules",
                columns: table => new
                {
                    DeploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    EveryHours = table.Column<int>(type: "integer", nullable: false),
                    GraceHours = table.Column<int>(type: "integer", nullable: false),
                    NextDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CoordinatorId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_in_schedules", x => x.DeploymentId);
                    table.ForeignKey(
                        name: "FK_check_in_schedules_deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_ins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_check_ins_deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "skills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_skills", x => x.Id);
                    table.ForeignKey(
                        name: "FK_skills_skill_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "skill_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_availability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    HoursPerWeek = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_availability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_volunteer_availability_volunteer_profiles_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "volunteer_profiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_languages",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    LanguageCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_languages", x => new { x.VolunteerId, x.LanguageCode });
                    table.ForeignKey(
                        name: "FK_volunteer_languages_volunteer_profiles_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "volunteer_profiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assistance_request_skills",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkillId = table.Column<Guid>(type: "uuid", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumLevel = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assistance_request_skills", x => new { x.RequestId, x.SkillId });
                    table.ForeignKey(
                        name: "FK_assistance_request_skills_assistance_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "assistance_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assistance_request_skills_skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "volunteer_skills",
                columns: table => new
                {
                    VolunteerId = table.Column<Guid>(type: "uuid", nullable: false),
                    SkillId = table.Column<Guid>(type: "uuid", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_volunteer_skills", x => new { x.VolunteerId, x.SkillId });
                    table.ForeignKey(
                        name: "FK_volunteer_skills_skills_SkillId",
                        column: x => x.SkillId,
                        principalTable: "skills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_volunteer_skills_volunteer_profiles_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "volunteer_profiles",
                        principalColumn: "UserId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assistance_request_skills_SkillId",
                table: "assistance_request_skills",
                column: "SkillId");

            migrationBuilder.CreateIndex(
                name: "IX_check_in_schedules_Active_NextDueAt",
                table: "check_in_schedules",
                columns: new[] { "Active", "NextDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_DeploymentId_DueAt",
                table: "check_ins",
                columns: new[] { "DeploymentId", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_deployments_RequestId_VolunteerId",
                table: "deployments",
                columns: new[] { "RequestId", "VolunteerId" });

            migrationBuilder.CreateIndex(
                name: "IX_deployments_VolunteerId_Status",
                table: "deployments",
                columns: new[] { "VolunteerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_skill_categories_Slug",
                table: "skill_categories",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_skills_CategoryId",
                table: "skills",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_skills_Slug",
                table: "skills",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_availability_VolunteerId",
                table: "volunteer_availability",
                column: "VolunteerId");

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_languages_LanguageCode_Level",
                table: "volunteer_languages",
                columns: new[] { "LanguageCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_volunteer_skills_SkillId_Level",
                table: "volunteer_skills",
                columns: new[] { "SkillId", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assistance_request_languages");

            migrationBuilder.DropTable(
                name: "assistance_request_skills");

            migrationBuilder.DropTable(
                name: "check_in_schedules");

            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "volunteer_availability");

            migrationBuilder.DropTable(
                name: "volunteer_languages");

            migrationBuilder.DropTable(
                name: "volunteer_skills");

            migrationBuilder.DropTable(
                name: "deployments");

            migrationBuilder.DropTable(
                name: "skills");

            migrationBuilder.DropTable(
                name: "volunteer_profiles");

            migrationBuilder.DropTable(
                name: "skill_categories");

            migrationBuilder.DropColumn(
                name: "HoursPerWeek",
                table: "assistance_requests");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "assistance_requests");

            migrationBuilder.DropColumn(
                name: "OnSite",
                table: "assistance_requests");

            migrationBuilder.DropColumn(
                name: "Remote",
                table: "assistance_requests");

            migrationBuilder.DropColumn(
                name: "SafetyNotes",
                table: "assistance_requests");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "assistance_requests");
        }
    }
}
