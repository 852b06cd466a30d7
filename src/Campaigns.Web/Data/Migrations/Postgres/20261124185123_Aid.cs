using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Aid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MaximumAmountMinor",
                table: "aid_drives",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MinimumAmountMinor",
                table: "aid_drives",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PaymentInstructions",
                table: "aid_drives",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<long>>(
                name: "SuggestedAmountsMinor",
                table: "aid_drives",
                type: "bigint[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "aid_donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    DonorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DonorEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    ShowNamePublicly = table.Column<bool>(type: "boolean", nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AccessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StripeCheckoutSessionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    StripePaymentIntentId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    StripeSubscriptionId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    StripeCustomerId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_donations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_donations_aid_drives_AidDriveId",
                        column: x => x.AidDriveId,
                        principalTable: "aid_drives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_need_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_need_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_need_items_aid_drives_AidDriveId",
                        column: x => x.AidDriveId,
                        principalTable: "aid_drives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_shipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    Carrier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TrackingReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomsValueMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivalNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ArrivalConfirmedByUserId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_shipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_shipments_aid_drives_AidDriveId",
                        column: x => x.AidDriveId,
                        principalTable: "aid_drives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stripe_webhook_events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedVia = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Flag = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_ledger_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "uuid", nullable: false),
                    DonationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PublicDonorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExternalKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Flag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReversesEntryId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_ledger_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_ledger_entries_aid_donations_DonationId",
                        column: x => x.DonationId,
                        principalTable: "aid_donations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_ledger_entries_aid_drives_AidDriveId",
                        column: x => x.AidDriveId,
                        principalTable: "aid_drives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "aid_goods_pledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    DonorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DonorEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    PledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CollectionPoint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ShipmentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_aid_goods_pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_aid_goods_pledges_aid_need_items_NeedItemId",
                        column: x => x.NeedItemId,
                        principalTable: "aid_need_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_aid_goods_pledges_aid_shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "aid_shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_AccessKey",
                table: "aid_donations",
                column: "AccessKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_AidDriveId_Status",
                table: "aid_donations",
                columns: new[] { "AidDriveId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_DonorEmail",
                table: "aid_donations",
                column: "DonorEmail");

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_StripeCheckoutSessionId",
                table: "aid_donations",
                column: "StripeCheckoutSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_StripePaymentIntentId",
                table: "aid_donations",
                column: "StripePaymentIntentId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_donations_StripeSubscriptionId",
                table: "aid_donations",
                column: "StripeSubscriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_goods_pledges_NeedItemId",
                table: "aid_goods_pledges",
                column: "NeedItemId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_goods_pledges_ShipmentId",
                table: "aid_goods_pledges",
                column: "ShipmentId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_ledger_entries_AidDriveId_OccurredAt",
                table: "aid_ledger_entries",
                columns: new[] { "AidDriveId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_aid_ledger_entries_DonationId",
                table: "aid_ledger_entries",
                column: "DonationId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_ledger_entries_ExternalKey",
                table: "aid_ledger_entries",
                column: "ExternalKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_aid_need_items_AidDriveId",
                table: "aid_need_items",
                column: "AidDriveId");

            migrationBuilder.CreateIndex(
                name: "IX_aid_shipments_AidDriveId",
                table: "aid_shipments",
                column: "AidDriveId");

            migrationBuilder.CreateIndex(
                name: "IX_stripe_webhook_events_ProcessedAt",
                table: "stripe_webhook_events",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aid_goods_pledges");

            migrationBuilder.DropTable(
                name: "aid_ledger_entries");

            migrationBuilder.DropTable(
                name: "stripe_webhook_events");

            migrationBuilder.DropTable(
                name: "aid_need_items");

            migrationBuilder.DropTable(
                name: "aid_shipments");

            migrationBuilder.DropTable(
                name: "aid_donations");

            migrationBuilder.DropColumn(
                name: "MaximumAmountMinor",
                table: "aid_drives");

            migrationBuilder.DropColumn(
                name: "MinimumAmountMinor",
                table: "aid_drives");

            migrationBuilder.DropColumn(
                name: "PaymentInstructions",
                table: "aid_drives");

            migrationBuilder.DropColumn(
                name: "SuggestedAmountsMinor",
                table: "aid_drives");
        }
    }
}
