using Microsoft.Playwright;

namespace Scorecards.BrowserTests;

public sealed class SecondmentJourneyTests
{
    [Fact]
    public async Task AFocalPointExpressesInterest_TheRsoTakesItUp_AgreesAndPlacesTheOfficer()
    {
        await using var app = await BrowserApp.StartAsync();

        // Sri Lanka's focal point expresses interest, naming a nominee.
        var focal = await app.SignInAsync("focal.sri-lanka@demo.scorecards.test");
        await focal.GetByRole(AriaRole.Link, new() { Name = "Secondments" }).ClickAsync();
        await focal.GetByRole(AriaRole.Link, new() { Name = "Express interest" }).ClickAsync();
        await focal.GetByLabel("Agency").FillAsync("Sri Lanka Police");
        await focal.GetByLabel("Area of work, and what the secondment would be for").FillAsync("Online investigations of trafficking in persons.");
        await focal.GetByLabel("Law enforcement", new() { Exact = true }).CheckAsync();
        await focal.GetByLabel("Name", new() { Exact = true }).FillAsync("Ms A. Perera");
        await focal.GetByLabel("Position", new() { Exact = true }).FillAsync("Inspector");
        await focal.GetByRole(AriaRole.Button, new() { Name = "Send to the RSO" }).ClickAsync();
        await Assertions.Expect(focal.GetByRole(AriaRole.Status)).ToContainTextAsync("Your expression of interest has reached the RSO.");
        await Assertions.Expect(focal.GetByTestId("status")).ToHaveTextAsync("Received");
        await Assertions.Expect(focal.Locator("main")).Not.ToContainTextAsync("Perera");
        var url = focal.Url;

        // The RSO sees the nominee, takes the interest up, records the agreement, and then the placement.
        var rso = await app.SignInAsync("reporter.rso@demo.scorecards.test");
        await rso.GotoAsync("/secondments?status=Received");
        await rso.GetByRole(AriaRole.Link, new() { Name = "Sri Lanka Police" }).ClickAsync();
        await Assertions.Expect(rso.GetByTestId("nominee")).ToHaveTextAsync("Ms A. Perera, Inspector");
        await rso.GetByRole(AriaRole.Button, new() { Name = "Take it up for discussion" }).ClickAsync();
        await Assertions.Expect(rso.GetByTestId("status")).ToHaveTextAsync("Under discussion");
        await rso.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        await Assertions.Expect(rso.GetByTestId("status")).ToHaveTextAsync("Agreed");

        // A placement without its funder is refused, with the field named, and nothing is lost.
        await rso.GetByLabel("Host unit").FillAsync("RSO, Bangkok");
        await rso.GetByLabel("First day").FillAsync("2027-02-01");
        await rso.GetByLabel("Last day").FillAsync("2027-04-30");
        await rso.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
        await Assertions.Expect(rso.GetByRole(AriaRole.Alert)).ToContainTextAsync("Name who funds the placement");
        await Assertions.Expect(rso.GetByLabel("Host unit")).ToHaveValueAsync("RSO, Bangkok");
        await rso.GetByLabel("Funded by").FillAsync("Government of New Zealand");
        await rso.GetByRole(AriaRole.Button, new() { Name = "Record the placement" }).ClickAsync();
        await Assertions.Expect(rso.GetByTestId("status")).ToHaveTextAsync("Placed");
        await Assertions.Expect(rso.GetByTestId("placement")).ToHaveTextAsync("RSO, Bangkok, 1 February 2027 – 30 April 2027; funded by Government of New Zealand");

        // The focal point reads the same timeline, still without the name.
        await focal.GotoAsync(url);
        await Assertions.Expect(focal.GetByTestId("timeline").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(4);
        await Assertions.Expect(focal.GetByTestId("status")).ToHaveTextAsync("Placed");
        await Assertions.Expect(focal.Locator("main")).Not.ToContainTextAsync("Perera");
    }
}
