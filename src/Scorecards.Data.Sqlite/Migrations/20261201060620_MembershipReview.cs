using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MembershipReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MembershipProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProposedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipProposals_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipProposals_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipProposals_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MembershipProposals_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipProposalEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipProposalEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipProposalEvents_MembershipProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "MembershipProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposalEvents_ProposalId",
                table: "MembershipProposalEvents",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_BodyId",
                table: "MembershipProposals",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_DecisionId",
                table: "MembershipProposals",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_MeetingId",
                table: "MembershipProposals",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_MemberId",
                table: "MembershipProposals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_Status",
                table: "MembershipProposals",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipProposalEvents");

            migrationBuilder.DropTable(
                name: "MembershipProposals");
        }
    }
}
