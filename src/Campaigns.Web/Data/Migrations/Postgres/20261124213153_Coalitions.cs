using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Coalitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DistrictId",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SucceededById",
                table: "targets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "coalitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_districts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "coalition_joint_actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProgrammeSlug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_joint_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coalition_joint_actions_coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "coalition_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PartnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ListPublicly = table.Column<bool>(type: "boolean", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coalition_members_coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_coalition_members_partners_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "coalition_points_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ChangeNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_points_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coalition_points_versions_coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lobbying_campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Goal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TalkingPoints = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CoalitionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lobbying_campaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lobbying_campaigns_coalitions_CoalitionId",
                        column: x => x.CoalitionId,
                        principalTable: "coalitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "coalition_joint_action_sponsors",
                columns: table => new
                {
                    JointActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_joint_action_sponsors", x => new { x.JointActionId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_coalition_joint_action_sponsors_coalition_joint_actions_Joi~",
                        column: x => x.JointActionId,
                        principalTable: "coalition_joint_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_coalition_joint_action_sponsors_coalition_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "coalition_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coalition_joint_action_supporters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JointActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ViaMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ShareWithAllSponsors = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_joint_action_supporters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coalition_joint_action_supporters_coalition_joint_actions_J~",
                        column: x => x.JointActionId,
                        principalTable: "coalition_joint_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_coalition_joint_action_supporters_coalition_members_ViaMemb~",
                        column: x => x.ViaMemberId,
                        principalTable: "coalition_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "coalition_endorsements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coalition_endorsements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_coalition_endorsements_coalition_members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "coalition_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_coalition_endorsements_coalition_points_versions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "coalition_points_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lobbying_campaign_targets",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lobbying_campaign_targets", x => new { x.CampaignId, x.TargetId });
                    table.ForeignKey(
                        name: "FK_lobbying_campaign_targets_lobbying_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "lobbying_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_lobbying_campaign_targets_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lobbying_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DistrictId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SupporterEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ViaMemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lobbying_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lobbying_contacts_coalition_members_ViaMemberId",
                        column: x => x.ViaMemberId,
                        principalTable: "coalition_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_lobbying_contacts_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_lobbying_contacts_lobbying_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "lobbying_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_lobbying_contacts_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lobbying_letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lobbying_letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lobbying_letters_lobbying_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "lobbying_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lobbying_moments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lobbying_moments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_lobbying_moments_lobbying_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "lobbying_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_targets_DistrictId",
                table: "targets",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_targets_SucceededById",
                table: "targets",
                column: "SucceededById");

            migrationBuilder.CreateIndex(
                name: "IX_coalition_endorsements_MemberId_VersionId",
                table: "coalition_endorsements",
                columns: new[] { "MemberId", "VersionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coalition_endorsements_VersionId",
                table: "coalition_endorsements",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_coalition_joint_action_sponsors_MemberId",
                table: "coalition_joint_action_sponsors",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_coalition_joint_action_supporters_JointActionId_Email",
                table: "coalition_joint_action_supporters",
                columns: new[] { "JointActionId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coalition_joint_action_supporters_ViaMemberId",
                table: "coalition_joint_action_supporters",
                column: "ViaMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_coalition_joint_actions_CoalitionId_Kind_ProgrammeSlug",
                table: "coalition_joint_actions",
                columns: new[] { "CoalitionId", "Kind", "ProgrammeSlug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coalition_members_CoalitionId_Slug",
                table: "coalition_members",
                columns: new[] { "CoalitionId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coalition_members_PartnerOrganisationId",
                table: "coalition_members",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_coalition_points_versions_CoalitionId_Number",
                table: "coalition_points_versions",
                columns: new[] { "CoalitionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_coalitions_Slug",
                table: "coalitions",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_districts_CountryCode_Name",
                table: "districts",
                columns: new[] { "CountryCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_campaign_targets_TargetId",
                table: "lobbying_campaign_targets",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_campaigns_CoalitionId",
                table: "lobbying_campaigns",
                column: "CoalitionId");

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_campaigns_Slug",
                table: "lobbying_campaigns",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_contacts_CampaignId_TargetId_CreatedAt",
                table: "lobbying_contacts",
                columns: new[] { "CampaignId", "TargetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_contacts_DistrictId",
                table: "lobbying_contacts",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_contacts_TargetId",
                table: "lobbying_contacts",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_contacts_ViaMemberId",
                table: "lobbying_contacts",
                column: "ViaMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_letters_CampaignId_Language",
                table: "lobbying_letters",
                columns: new[] { "CampaignId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lobbying_moments_CampaignId_On",
                table: "lobbying_moments",
                columns: new[] { "CampaignId", "On" });

            migrationBuilder.AddForeignKey(
                name: "FK_targets_districts_DistrictId",
                table: "targets",
                column: "DistrictId",
                principalTable: "districts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_targets_targets_SucceededById",
                table: "targets",
                column: "SucceededById",
                principalTable: "targets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_targets_districts_DistrictId",
                table: "targets");

            migrationBuilder.DropForeignKey(
                name: "FK_targets_targets_SucceededById",
                table: "targets");

            migrationBuilder.DropTable(
                name: "coalition_endorsements");

            migrationBuilder.DropTable(
                name: "coalition_joint_action_sponsors");

            migrationBuilder.DropTable(
                name: "coalition_joint_action_supporters");

            migrationBuilder.DropTable(
                name: "lobbying_campaign_targets");

            migrationBuilder.DropTable(
                name: "lobbying_contacts");

            migrationBuilder.DropTable(
                name: "lobbying_letters");

            migrationBuilder.DropTable(
                name: "lobbying_moments");

            migrationBuilder.DropTable(
                name: "coalition_points_versions");

            migrationBuilder.DropTable(
                name: "coalition_joint_actions");

            migrationBuilder.DropTable(
                name: "coalition_members");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "lobbying_campaigns");

            migrationBuilder.DropTable(
                name: "coalitions");

            migrationBuilder.DropIndex(
                name: "IX_targets_DistrictId",
                table: "targets");

            migrationBuilder.DropIndex(
                name: "IX_targets_SucceededById",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "DistrictId",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "SucceededById",
                table: "targets");
        }
    }
}
