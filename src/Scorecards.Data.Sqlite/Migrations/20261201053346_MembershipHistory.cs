using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MembershipHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "From",
                table: "BodyCoChair",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromDecisionId",
                table: "BodyCoChair",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Until",
                table: "BodyCoChair",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UntilDecisionId",
                table: "BodyCoChair",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BodySeat",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FromDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    UntilDecisionId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodySeat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodySeat_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BodySeat_Decisions_FromDecisionId",
                        column: x => x.FromDecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BodySeat_Decisions_UntilDecisionId",
                        column: x => x.UntilDecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BodySeat_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemberStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemberStatusChange_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MemberStatusChange_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BodyCoChair_FromDecisionId",
                table: "BodyCoChair",
                column: "FromDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_BodyCoChair_UntilDecisionId",
                table: "BodyCoChair",
                column: "UntilDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_BodySeat_BodyId",
                table: "BodySeat",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_BodySeat_FromDecisionId",
                table: "BodySeat",
                column: "FromDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_BodySeat_MemberId",
                table: "BodySeat",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_BodySeat_UntilDecisionId",
                table: "BodySeat",
                column: "UntilDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusChange_DecisionId",
                table: "MemberStatusChange",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberStatusChange_MemberId",
                table: "MemberStatusChange",
                column: "MemberId");

            // Every member already on the register held its status before the register kept history: an undated first change.
            migrationBuilder.Sql("INSERT INTO \"MemberStatusChange\" (\"MemberId\", \"Status\") SELECT \"Id\", \"Status\" FROM \"Members\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BodySeat");

            migrationBuilder.DropTable(
                name: "MemberStatusChange");

            migrationBuilder.DropIndex(
                name: "IX_BodyCoChair_FromDecisionId",
                table: "BodyCoChair");

            migrationBuilder.DropIndex(
                name: "IX_BodyCoChair_UntilDecisionId",
                table: "BodyCoChair");

            migrationBuilder.DropColumn(
                name: "From",
                table: "BodyCoChair");

            migrationBuilder.DropColumn(
                name: "FromDecisionId",
                table: "BodyCoChair");

            migrationBuilder.DropColumn(
                name: "Until",
                table: "BodyCoChair");

            migrationBuilder.DropColumn(
                name: "UntilDecisionId",
                table: "BodyCoChair");
        }
    }
}
