# Build: docker build -t campaigns .
# Migrate (once per release, before starting nodes): docker run --rm --env-file deploy/campaigns.env campaigns migrate
# Serve:   docker run -d -p 8080:8080 --env-file deploy/campaigns.env campaigns

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files that decide the packages, so the layer is cached until they change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Campaigns.Web/Campaigns.Web.csproj src/Campaigns.Web/
RUN dotnet restore src/Campaigns.Web/Campaigns.Web.csproj

# The project copies ../../seeds/*.json into its output, so seeds/ must sit beside src/.
COPY src/ src/
COPY seeds/ seeds/
RUN dotnet publish src/Campaigns.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .

# Writable by the app user, so the embedded default (SQLite, pickup mail) also works in a throwaway container.
# Production uses PostgreSQL and SMTP and writes nothing here.
RUN mkdir App_Data && chown "$APP_UID" App_Data \
    && mkdir -p /srv/campaigns/library && chown "$APP_UID" /srv/campaigns/library

# The non-root user the base image provides.
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# "docker run IMAGE migrate" runs the migrations and exits.
ENTRYPOINT ["dotnet", "Campaigns.Web.dll"]
