using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoundMeeting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite adds a nullable column with its reference in place; EF Core's own AddForeignKey would rebuild the table.
            migrationBuilder.Sql("ALTER TABLE \"Rounds\" ADD COLUMN \"MeetingId\" INTEGER NULL CONSTRAINT \"FK_Rounds_Meetings_MeetingId\" REFERENCES \"Meetings\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_MeetingId",
                table: "Rounds",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rounds_MeetingId",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "Rounds");
        }
    }
}
