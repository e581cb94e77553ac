using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scorecards.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SecondmentProgramme : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Secondments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AreaOfWork = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PreferredStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PreferredEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    NomineeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NomineePosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HostUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Secondments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Secondments_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SecondmentActivity",
                columns: table => new
                {
                    SecondmentId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecondmentActivity", x => new { x.SecondmentId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_SecondmentActivity_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecondmentActivity_Secondments_SecondmentId",
                        column: x => x.SecondmentId,
                        principalTable: "Secondments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecondmentEvent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SecondmentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecondmentEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecondmentEvent_Secondments_SecondmentId",
                        column: x => x.SecondmentId,
                        principalTable: "Secondments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SecondmentFocusArea",
                columns: table => new
                {
                    SecondmentId = table.Column<int>(type: "integer", nullable: false),
                    FocusAreaId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecondmentFocusArea", x => new { x.SecondmentId, x.FocusAreaId });
                    table.ForeignKey(
                        name: "FK_SecondmentFocusArea_FocusAreas_FocusAreaId",
                        column: x => x.FocusAreaId,
                        principalTable: "FocusAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SecondmentFocusArea_Secondments_SecondmentId",
                        column: x => x.SecondmentId,
                        principalTable: "Secondments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecondmentActivity_ActivityId",
                table: "SecondmentActivity",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_SecondmentEvent_SecondmentId",
                table: "SecondmentEvent",
                column: "SecondmentId");

            migrationBuilder.CreateIndex(
                name: "IX_SecondmentFocusArea_FocusAreaId",
                table: "SecondmentFocusArea",
                column: "FocusAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Secondments_MemberId_Status",
                table: "Secondments",
                columns: new[] { "MemberId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecondmentActivity");

            migrationBuilder.DropTable(
                name: "SecondmentEvent");

            migrationBuilder.DropTable(
                name: "SecondmentFocusArea");

            migrationBuilder.DropTable(
                name: "Secondments");
        }
    }
}
