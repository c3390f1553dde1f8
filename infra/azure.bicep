// Samlingspunkt in Azure: Linux App Service (Node 20) for bot + tab, Azure Bot with the Teams
// channel, and Azure Database for PostgreSQL Flexible Server. Everything that stores data is in
// Norway East (personal data of public employees). Deployed by teamsapp.yml (arm/deploy).
// Kept to syntax Bicep v0.9 parses (multi-line arrays, no commas), the version Teams Toolkit pins.

@minLength(4)
@maxLength(24)
@description('Name prefix for all resources; lowercase letters, digits and hyphens')
param resourceBaseName string

param location string = 'norwayeast'

@allowed([
  'B1'
  'P0v3'
])
param webAppSku string = 'B1'

@description('Client id of the bot Entra app (BOT_ID)')
param botAadAppClientId string

@secure()
param botAadAppClientSecret string

// UserAssignedMSI would also need an identity resource; not provisioned here.
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param botAppType string = 'SingleTenant'

@description('Tenant of the bot Entra app (BOT_TENANT_ID)')
param botAppTenantId string

@maxLength(42)
param botDisplayName string = 'Samlingspunkt'

@description('Client id of the SSO Entra app (aad.manifest.json)')
param aadAppClientId string
param aadAppTenantId string

@secure()
@description('Client secret of the SSO Entra app: the on-behalf-of exchange that creates a samling\'s Teams meeting in the facilitator\'s calendar (Graph Calendars.ReadWrite)')
param aadAppClientSecret string

@description('The Teams app id (manifest id): deep links and the in-meeting notification bubble')
param teamsAppId string

@description('Comma list of Entra tenant ids whose users may use the app')
param allowedTenantIds string = ''

@allowed([
  'fatal'
  'error'
  'warn'
  'info'
  'debug'
  'trace'
  'silent'
])
param logLevel string = 'info'

param postgresAdminLogin string = 'samlingspunkt'

@secure()
@minLength(16)
param postgresAdminPassword string

@secure()
@minLength(32)
@description('Key for anonymous poll answers (voter hashes) and signed card data; keep it stable')
param pollHashSecret string

var webAppName = resourceBaseName
// Set here rather than read from the site itself (that would be a cycle). Same value as
// webApp.properties.defaultHostName for a site without a regional unique hostname.
var appHostName = '${webAppName}.azurewebsites.net'
var databaseName = 'samlingspunkt'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux plan
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '15'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled' // a geo copy would leave Norway East's pair region
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled' // limited to Azure services by the firewall rule below
    }
  }
}

// Server-level changes on a flexible server must not run in parallel, hence the chain of
// dependsOn: firewall rule, then TLS setting, then the database.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource postgresRequireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [
    postgresAllowAzure
  ]
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
  dependsOn: [
    postgresRequireTls
  ]
}

var databaseUrl = 'postgresql://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/main.js'
      alwaysOn: true // the scheduler sends reminders; the site must not sleep
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // The runtime variables of src/config/config.ts, nothing else of the app's.
      appSettings: [
        {
          name: 'PORT'
          value: '8080'
        }
        {
          name: 'WEBSITES_PORT'
          value: '8080'
        }
        {
          name: 'APP_MODE'
          value: 'production'
        }
        {
          name: 'DATA_DIR'
          value: '/home/data' // /home is the persistent share on Linux App Service
        }
        {
          name: 'DATABASE_URL'
          value: databaseUrl
        }
        {
          name: 'MicrosoftAppId'
          value: botAadAppClientId
        }
        {
          name: 'MicrosoftAppPassword'
          value: botAadAppClientSecret
        }
        {
          name: 'MicrosoftAppTenantId'
          value: botAppTenantId
        }
        {
          name: 'MicrosoftAppType'
          value: botAppType
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'AAD_APP_TENANT_ID'
          value: aadAppTenantId
        }
        {
          name: 'ALLOWED_TENANT_IDS'
          value: allowedTenantIds
        }
        {
          name: 'TAB_DOMAIN'
          value: appHostName
        }
        {
          name: 'BOT_DOMAIN'
          value: appHostName
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'POLL_HASH_SECRET'
          value: pollHashSecret
        }
        {
          name: 'AAD_APP_CLIENT_SECRET'
          value: aadAppClientSecret
        }
        {
          name: 'TEAMS_APP_ID'
          value: teamsAppId
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false' // the zip is built already (teamsapp.yml deploy)
        }
      ]
    }
  }
  dependsOn: [
    postgresDatabase
  ]
}

module azureBot './botRegistration/azurebot.bicep' = {
  name: 'Azure-Bot-registration'
  params: {
    botServiceName: '${resourceBaseName}-bot'
    botDisplayName: botDisplayName
    botAadAppClientId: botAadAppClientId
    botAppType: botAppType
    botAppTenantId: botAppTenantId
    botAppDomain: webApp.properties.defaultHostName
  }
}

// Teams Toolkit writes these to env/.env.<env> under the same names.
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output AZURE_BOT_RESOURCE_ID string = azureBot.outputs.botResourceId
output POSTGRES_SERVER_RESOURCE_ID string = postgres.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
