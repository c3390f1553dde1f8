// Azure Bot registration pointing at the Web App, with the Microsoft Teams channel.
// Location 'global' is the normal choice: regional bots exist only outside Norway.

param botServiceName string

@maxLength(42)
param botDisplayName string

param botAadAppClientId string

@allowed([
  'SingleTenant'
  'MultiTenant'
])
param botAppType string

param botAppTenantId string

@description('Host name of the Web App that serves /api/messages')
param botAppDomain string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botServiceName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${botAppDomain}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: botAppType
    msaAppTenantId: botAppType == 'SingleTenant' ? botAppTenantId : ''
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output botResourceId string = botService.id
