using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Campaigns.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MinimumAmountMinor",
                table: "aid_drives",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PaymentInstructions",
                table: "aid_drives",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SuggestedAmountsMinor",
                table: "aid_drives",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "aid_donations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    DonorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DonorEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ShowNamePublicly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AccessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StripeCheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripePaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeCustomerId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Carrier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrackingReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CustomsValueMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ShippedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ArrivalConfirmedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedVia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Flag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_webhook_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "aid_ledger_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AidDriveId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DonationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PublicDonorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Flag = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReversesEntryId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    DonorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DonorEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PledgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CollectionPoint = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: true)
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
