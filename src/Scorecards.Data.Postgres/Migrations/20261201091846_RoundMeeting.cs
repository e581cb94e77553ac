using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoundMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MeetingId",
                table: "Rounds",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_MeetingId",
                table: "Rounds",
                column: "MeetingId");

            migrationBuilder.AddForeignKey(
                name: "FK_Rounds_Meetings_MeetingId",
                table: "Rounds",
                column: "MeetingId",
                principalTable: "Meetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Rounds_Meetings_MeetingId",
                table: "Rounds");

            migrationBuilder.DropIndex(
                name: "IX_Rounds_MeetingId",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "Rounds");
        }
    }
}
