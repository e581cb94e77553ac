using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActivityDatePrecisionRetiredAreasMeetingDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MeetingOn",
                table: "Rounds",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsRetired",
                table: "FocusAreas",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DatePrecision",
                table: "Activities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Dates recorded before precision was known read as they were entered: one day, or a span of days.
            migrationBuilder.Sql("UPDATE \"Activities\" SET \"DatePrecision\" = CASE WHEN \"EndDate\" > \"StartDate\" THEN 'Days' ELSE 'Day' END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MeetingOn",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "IsRetired",
                table: "FocusAreas");

            migrationBuilder.DropColumn(
                name: "DatePrecision",
                table: "Activities");
        }
    }
}
