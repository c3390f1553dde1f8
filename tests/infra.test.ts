// Cheap consistency checks for files no tool here can run (bicep, Teams Toolkit yml) and for
// the Playground config against the server's demo data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, parseEnvFile } from '../scripts/app-package.js';
import { DEMO_TENANT_ID, demoMembers } from '../src/demo/demo.js';

const root = join(import.meta.dirname, '..');
const text = (...p: string[]) => readFileSync(join(root, ...p), 'utf8');
const placeholdersIn = (s: string) => new Set([...s.matchAll(PLACEHOLDER)].map((m) => m[1] as string));

/** What src/config/config.ts reads; the deployment must set every one of them. */
const RUNTIME_VARS = [
  'PORT',
  'APP_MODE',
  'DATA_DIR',
  'DATABASE_URL',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'MicrosoftAppType',
  'AAD_APP_CLIENT_ID',
  'AAD_APP_TENANT_ID',
  'ALLOWED_TENANT_IDS',
  'TAB_DOMAIN',
  'BOT_DOMAIN',
  'LOG_LEVEL',
  'POLL_HASH_SECRET',
  'AAD_APP_CLIENT_SECRET',
  'TEAMS_APP_ID',
];

describe('infra/azure.bicep', () => {
  const bicep = text('infra', 'azure.bicep');
  const parameters = JSON.parse(text('infra', 'azure.parameters.json')) as { parameters: Record<string, { value: string }> };

  it('sets every runtime variable as an app setting, in production mode', () => {
    for (const name of RUNTIME_VARS) expect(bicep, name).toMatch(new RegExp(`name: '${name}'\\n\\s+value: `));
    expect(bicep).toMatch(/name: 'APP_MODE'\n\s+value: 'production'/);
    expect(bicep).toContain("appCommandLine: 'node dist/src/main.js'");
    expect(bicep).toMatch(/postgresql:\/\/.*\?sslmode=require'/);
  });

  it('keeps everything in norwayeast', () => {
    expect(bicep).toContain("param location string = 'norwayeast'");
    expect(parameters.parameters.location?.value).toBe('norwayeast');
  });

  it('gets a value for each required parameter and only for declared ones', () => {
    const declared = [...bicep.matchAll(/^param (\w+) \w+( =)?/gm)];
    for (const [, name, hasDefault] of declared) {
      if (!hasDefault) expect(Object.keys(parameters.parameters), `${name} mangler i azure.parameters.json`).toContain(name);
    }
    const names = declared.map((d) => d[1]);
    for (const given of Object.keys(parameters.parameters)) expect(names, `${given} er ikke en param`).toContain(given);
  });

  it('outputs what teamsapp.yml and the manifest use', () => {
    for (const out of ['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'TAB_DOMAIN', 'BOT_ENDPOINT']) {
      expect(bicep).toMatch(new RegExp(`^output ${out} string = `, 'm'));
    }
  });
});

describe('Teams Toolkit files', () => {
  const devExample = text('env', '.env.dev.example');
  const localExample = text('env', '.env.local.example');

  it('teamsapp.yml and the parameters only use variables the dev example mentions', () => {
    const used = new Set([...placeholdersIn(text('teamsapp.yml')), ...placeholdersIn(text('infra', 'azure.parameters.json'))]);
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(devExample, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('teamsapp.local.yml gives the local server every runtime variable', () => {
    const yml = text('teamsapp.local.yml');
    const envs = yml.slice(yml.indexOf('file/createOrUpdateEnvironmentFile'));
    for (const name of RUNTIME_VARS) expect(envs, name).toMatch(new RegExp(`^\\s+${name}: `, 'm'));
    for (const name of placeholdersIn(yml)) expect(localExample, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('.env.example lists every runtime variable and no secret value', () => {
    const vars = parseEnvFile(text('.env.example'));
    expect(Object.keys(vars).sort()).toEqual([...RUNTIME_VARS].sort());
    expect(vars.MicrosoftAppPassword).toBe('');
    for (const file of ['.env.example', 'env/.env.local.example', 'env/.env.dev.example']) {
      for (const [key, value] of Object.entries(parseEnvFile(text(file)))) {
        if (/SECRET|PASSWORD/i.test(key)) expect(value, `${file}: ${key}`).toBe('');
      }
    }
  });

  it('aad.manifest.json exposes access_as_user on the resource the Teams manifest asks for', () => {
    const aad = JSON.parse(text('aad.manifest.json')) as Record<string, any>;
    const teams = JSON.parse(text('appPackage', 'manifest.json')) as Record<string, any>;
    expect(aad.identifierUris).toEqual([teams.webApplicationInfo.resource]);
    // Multi-organisation: who may sign in is decided by ALLOWED_TENANT_IDS at the server.
    expect(aad.signInAudience).toBe('AzureADMultipleOrgs');
    const scope = aad.api.oauth2PermissionScopes[0];
    expect(scope.value).toBe('access_as_user');
    expect(aad.api.preAuthorizedApplications).toEqual(
      ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'].map((appId) => ({
        appId,
        delegatedPermissionIds: [scope.id],
      })),
    );
  });
});

describe('.m365agentsplayground.yml', () => {
  const yml = text('.m365agentsplayground.yml');
  const usersSection = yml.slice(yml.indexOf('\nusers:'), yml.indexOf('\npersonalChat:'));

  it('has exactly five users besides the current user (Playground schema 0.1.1)', () => {
    expect(yml).toMatch(/^version: "0\.1\.1"$/m);
    expect(usersSection.match(/^ {2}- id: /gm)).toHaveLength(5);
  });

  it('speaks as the demo members the server seeds, with Ingrid as current user', () => {
    expect(yml).toContain(`tenantId: "${DEMO_TENANT_ID}"`);
    const currentUser = yml.slice(yml.indexOf('\ncurrentUser:'), yml.indexOf('\nusers:'));
    expect(currentUser).toContain('name: Ingrid Haugen');
    expect(currentUser).toContain('aadObjectId: "00000000-0000-4000-8000-000000000001"');
    for (const member of demoMembers) {
      expect(yml).toMatch(new RegExp(`name: ${member.displayName}\\n.*\\n\\s+aadObjectId: "${member.aadObjectId}"`));
    }
    expect(yml).toContain('name: USHT Viken – læringsnettverk');
  });
});

describe('npm start', () => {
  it('runs the server with the Node flags the bench measures it with', async () => {
    const { SERVER_NODE_FLAGS } = await import('../bench/server-flags.js');
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist/src/main.js`);
  });
});
