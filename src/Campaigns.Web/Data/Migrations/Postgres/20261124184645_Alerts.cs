using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiredAt",
                table: "urgent_actions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterSubject",
                table: "urgent_actions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LetterTemplate",
                table: "urgent_actions",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PeopleAtRisk",
                table: "urgent_actions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedDetails",
                table: "urgent_actions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Tags",
                table: "urgent_actions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WhatToDo",
                table: "urgent_actions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "alert_sends",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UrgentActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Languages = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Interests = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OnlyThoseWhoActed = table.Column<bool>(type: "boolean", nullable: false),
                    Message = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScheduledFor = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlannedThrough = table.Column<Guid>(type: "uuid", nullable: true),
                    Chunks = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_sends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_sends_urgent_actions_UrgentActionId",
                        column: x => x.UrgentActionId,
                        principalTable: "urgent_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alert_subscribers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Interests = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConsentText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConsentIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnsubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_suppressions",
                columns: table => new
                {
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_suppressions", x => x.Email);
                });

            migrationBuilder.CreateTable(
                name: "alert_topics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PostalAddress = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Salutation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TermStartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TermEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "urgent_action_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UrgentActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PeopleAtRisk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WhatToDo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    LetterSubject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LetterTemplate = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urgent_action_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_urgent_action_versions_urgent_actions_UrgentActionId",
                        column: x => x.UrgentActionId,
                        principalTable: "urgent_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertSendId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Chunk = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_deliveries_alert_sends_AlertSendId",
                        column: x => x.AlertSendId,
                        principalTable: "alert_sends",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_alert_deliveries_alert_subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "alert_subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_actions_taken",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UrgentActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriberId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_actions_taken", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_actions_taken_alert_subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "alert_subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_alert_actions_taken_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_alert_actions_taken_urgent_actions_UrgentActionId",
                        column: x => x.UrgentActionId,
                        principalTable: "urgent_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UrgentActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_outcomes_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_alert_outcomes_urgent_actions_UrgentActionId",
                        column: x => x.UrgentActionId,
                        principalTable: "urgent_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "urgent_action_targets",
                columns: table => new
                {
                    UrgentActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_urgent_action_targets", x => new { x.UrgentActionId, x.TargetId });
                    table.ForeignKey(
                        name: "FK_urgent_action_targets_targets_TargetId",
                        column: x => x.TargetId,
                        principalTable: "targets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_urgent_action_targets_urgent_actions_UrgentActionId",
                        column: x => x.UrgentActionId,
                        principalTable: "urgent_actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_actions_taken_SubscriberId",
                table: "alert_actions_taken",
                column: "SubscriberId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_actions_taken_TargetId",
                table: "alert_actions_taken",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_actions_taken_UrgentActionId_SubscriberId",
                table: "alert_actions_taken",
                columns: new[] { "UrgentActionId", "SubscriberId" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_AlertSendId_Chunk",
                table: "alert_deliveries",
                columns: new[] { "AlertSendId", "Chunk" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_AlertSendId_SubscriberId",
                table: "alert_deliveries",
                columns: new[] { "AlertSendId", "SubscriberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_SubscriberId",
                table: "alert_deliveries",
                column: "SubscriberId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_outcomes_TargetId",
                table: "alert_outcomes",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_outcomes_UrgentActionId",
                table: "alert_outcomes",
                column: "UrgentActionId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_sends_RequestId",
                table: "alert_sends",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_sends_Status_ScheduledFor",
                table: "alert_sends",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_sends_UrgentActionId",
                table: "alert_sends",
                column: "UrgentActionId");

            migrationBuilder.CreateIndex(
                name: "IX_alert_subscribers_Email",
                table: "alert_subscribers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_topics_Code",
                table: "alert_topics",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_targets_Name_Institution",
                table: "targets",
                columns: new[] { "Name", "Institution" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_urgent_action_targets_TargetId",
                table: "urgent_action_targets",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_urgent_action_versions_UrgentActionId_Language",
                table: "urgent_action_versions",
                columns: new[] { "UrgentActionId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_actions_taken");

            migrationBuilder.DropTable(
                name: "alert_deliveries");

            migrationBuilder.DropTable(
                name: "alert_outcomes");

            migrationBuilder.DropTable(
                name: "alert_suppressions");

            migrationBuilder.DropTable(
                name: "alert_topics");

            migrationBuilder.DropTable(
                name: "urgent_action_targets");

            migrationBuilder.DropTable(
                name: "urgent_action_versions");

            migrationBuilder.DropTable(
                name: "alert_sends");

            migrationBuilder.DropTable(
                name: "alert_subscribers");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropColumn(
                name: "ExpiredAt",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "LetterSubject",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "LetterTemplate",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "PeopleAtRisk",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "ProtectedDetails",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "urgent_actions");

            migrationBuilder.DropColumn(
                name: "WhatToDo",
                table: "urgent_actions");
        }
    }
}
