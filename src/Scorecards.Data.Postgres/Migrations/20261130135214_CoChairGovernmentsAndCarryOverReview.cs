using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Scorecards.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoChairGovernmentsAndCarryOverReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CarriedOverFrom",
                table: "Scorecards",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCoChairGovernment",
                table: "Members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CarryOverConfirmed",
                table: "Entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UserName",
                table: "Approval",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            // Until now every Co-Chair reviewer's approval counted; the Process's Co-Chair governments have been
            // Indonesia and Australia since it began, so an existing database keeps approving as before.
            migrationBuilder.Sql("UPDATE \"Members\" SET \"IsCoChairGovernment\" = TRUE WHERE \"Name\" IN ('Indonesia', 'Australia') AND \"Kind\" = 'State'");

            // Approvals recorded before now name their reviewer through the account.
            migrationBuilder.Sql("UPDATE \"Approval\" SET \"UserName\" = COALESCE((SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"Id\" = \"Approval\".\"UserId\"), '')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CarriedOverFrom",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "IsCoChairGovernment",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "CarryOverConfirmed",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "UserName",
                table: "Approval");
        }
    }
}
