# Scorecards in a container: built with the SDK, run on the ASP.NET Core runtime as a non-root user.
# The root file system can be read-only (compose.yaml runs it so); what the program writes goes to /data (the embedded
# SQLite database and mail written to files) and /tmp (papers being built).
#   docker build -t scorecards .
#   docker run -p 8080:8080 -v scorecards-data:/data scorecards serve --demo --urls http://0.0.0.0:8080

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The project files first, so that a change of code alone does not restore the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Scorecards.Domain/Scorecards.Domain.csproj src/Scorecards.Domain/
COPY src/Scorecards.Data/Scorecards.Data.csproj src/Scorecards.Data/
COPY src/Scorecards.Data.Sqlite/Scorecards.Data.Sqlite.csproj src/Scorecards.Data.Sqlite/
COPY src/Scorecards.Data.Postgres/Scorecards.Data.Postgres.csproj src/Scorecards.Data.Postgres/
COPY src/Scorecards.Web/Scorecards.Web.csproj src/Scorecards.Web/
RUN dotnet restore src/Scorecards.Web/Scorecards.Web.csproj
COPY src/ src/
RUN dotnet publish src/Scorecards.Web/Scorecards.Web.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# PostgreSQL's client programs, for 'scorecards backup' and 'restore' against PostgreSQL.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV SCORECARDS_DATA=/data \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_gcServer=0
# The images' own unprivileged user (uid 1654).
USER $APP_UID
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/app/scorecards", "health", "--url", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["/app/scorecards"]
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
