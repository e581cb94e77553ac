using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Scorecards.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkPlansMeetingsDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HostMemberId = table.Column<int>(type: "integer", nullable: true),
                    BodyId = table.Column<int>(type: "integer", nullable: true),
                    OtherAttendees = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_Members_HostMemberId",
                        column: x => x.HostMemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlans_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerBodyId = table.Column<int>(type: "integer", nullable: false),
                    DueMeetingId = table.Column<int>(type: "integer", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Bodies_OwnerBodyId",
                        column: x => x.OwnerBodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_DueMeetingId",
                        column: x => x.DueMeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendee",
                columns: table => new
                {
                    MeetingId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    IsChair = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendee", x => new { x.MeetingId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_MeetingAttendee_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingAttendee_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkPlanId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TargetStart = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    StatusOverride = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkPlanItems_WorkPlans_WorkPlanId",
                        column: x => x.WorkPlanId,
                        principalTable: "WorkPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanItemActivity",
                columns: table => new
                {
                    WorkPlanItemId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanItemActivity", x => new { x.WorkPlanItemId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_WorkPlanItemActivity_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkPlanItemActivity_WorkPlanItems_WorkPlanItemId",
                        column: x => x.WorkPlanItemId,
                        principalTable: "WorkPlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkPlanItemObjective",
                columns: table => new
                {
                    WorkPlanItemId = table.Column<int>(type: "integer", nullable: false),
                    ObjectiveId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkPlanItemObjective", x => new { x.WorkPlanItemId, x.ObjectiveId });
                    table.ForeignKey(
                        name: "FK_WorkPlanItemObjective_Objectives_ObjectiveId",
                        column: x => x.ObjectiveId,
                        principalTable: "Objectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkPlanItemObjective_WorkPlanItems_WorkPlanItemId",
                        column: x => x.WorkPlanItemId,
                        principalTable: "WorkPlanItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DueMeetingId",
                table: "Decisions",
                column: "DueMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_MeetingId_Number",
                table: "Decisions",
                columns: new[] { "MeetingId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_OwnerBodyId",
                table: "Decisions",
                column: "OwnerBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Status_OwnerBodyId",
                table: "Decisions",
                columns: new[] { "Status", "OwnerBodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendee_MemberId",
                table: "MeetingAttendee",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BodyId",
                table: "Meetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_HostMemberId",
                table: "Meetings",
                column: "HostMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_StartDate",
                table: "Meetings",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanItemActivity_ActivityId",
                table: "WorkPlanItemActivity",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanItemObjective_ObjectiveId",
                table: "WorkPlanItemObjective",
                column: "ObjectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlanItems_WorkPlanId_Number",
                table: "WorkPlanItems",
                columns: new[] { "WorkPlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkPlans_BodyId",
                table: "WorkPlans",
                column: "BodyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "MeetingAttendee");

            migrationBuilder.DropTable(
                name: "WorkPlanItemActivity");

            migrationBuilder.DropTable(
                name: "WorkPlanItemObjective");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "WorkPlanItems");

            migrationBuilder.DropTable(
                name: "WorkPlans");
        }
    }
}
