import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  PLACEHOLDER,
  PackageError,
  UnresolvedPlaceholderError,
  checkIcons,
  packageApp,
  parseEnvFile,
  pngInfo,
  substitute,
  validateLocalization,
  validateManifest,
} from '../scripts/app-package.js';
import { NOTIFICATION_LIMITS } from '../src/meetings/notify.js';

const root = join(import.meta.dirname, '..');
const appPackageDir = join(root, 'appPackage');
const read = (...p: string[]) => readFileSync(join(root, ...p));
const manifestTemplate = read('appPackage', 'manifest.json').toString('utf8');
const localizationTemplate = read('appPackage', 'en.json').toString('utf8');
const localExample = parseEnvFile(read('env', '.env.local.example').toString('utf8'));

// The example leaves the ids Teams Toolkit creates empty; fill those like a provisioned env.
const provisioned: Record<string, string> = {
  TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
  BOT_ID: '22222222-2222-4222-8222-222222222222',
  AAD_APP_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
};
const vars = { ...localExample, ...provisioned };
const placeholdersIn = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

function manifest(): Record<string, any> {
  return JSON.parse(substitute(manifestTemplate, vars)) as Record<string, any>;
}

/** Minimal 8-bit RGBA PNG encoder (filter 0), enough to test the outline rules. */
function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('manifest.json', () => {
  it('is valid against the official bundled schema once placeholders are filled', () => {
    const m = manifest();
    expect(m.manifestVersion).toBe('1.24');
    expect(validateManifest(m)).toEqual([]);
  });

  it('only uses placeholders that the env examples define', () => {
    const used = new Set([...placeholdersIn(manifestTemplate), ...placeholdersIn(localizationTemplate)]);
    const dev = parseEnvFile(read('env', '.env.dev.example').toString('utf8'));
    for (const name of used) {
      expect(Object.keys(localExample), `env/.env.local.example mangler ${name}`).toContain(name);
      expect(Object.keys(dev), `env/.env.dev.example mangler ${name}`).toContain(name);
    }
    expect([...used].sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'APP_PRIVACY_URL', 'APP_TERMS_URL', 'APP_WEBSITE_URL', 'BOT_DOMAIN', 'BOT_ID', 'TAB_DOMAIN', 'TEAMS_APP_ID'],
    );
  });

  it('declares the bot, both tabs and SSO as the server and tab expect', () => {
    const m = manifest();
    const bot = m.bots[0];
    expect(bot.botId).toBe(provisioned.BOT_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(['hjelp', 'plan']);
    expect(m.configurableTabs[0].configurationUrl).toBe(`https://${vars.TAB_DOMAIN}/tab/?view=config`);
    expect(m.staticTabs[0].contentUrl).toBe(`https://${vars.TAB_DOMAIN}/tab/?view=personal`);
    expect(m.webApplicationInfo).toEqual({
      id: provisioned.AAD_APP_CLIENT_ID,
      resource: `api://${vars.TAB_DOMAIN}/${provisioned.AAD_APP_CLIENT_ID}`,
    });
    expect(m.localizationInfo.defaultLanguageTag).toBe('nb-NO');
  });

  it('asks only for resource-specific permissions the README explains', () => {
    const granted = (manifest().authorization?.permissions?.resourceSpecific ?? []) as { name: string; type: string }[];
    expect(granted).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'ChannelMeeting.ReadBasic.Group', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      // Sharing to the stage is done by the signed-in presenter: delegated in Teams' RSC list.
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
      { name: 'ChannelMeetingStage.Write.Group', type: 'Delegated' },
    ]);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const p of granted) expect(readme).toMatch(new RegExp(`\\| \`${p.name.replace(/\./g, '\\.')}\` \\| ${p.type} \\| \\w`));
  });

  it('offers the tab in channels, group chats and every surface of a meeting (issue 14)', () => {
    const tab = manifest().configurableTabs[0];
    expect(tab.context).toEqual(['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage']);
    // Meeting contexts need the group chat scope (a meeting's chat is one).
    expect(tab.scopes).toContain('groupChat');
    const wrong = manifest();
    wrong.configurableTabs[0].context = ['meetingSidebar'];
    expect(validateManifest(wrong).some((e) => e.startsWith('/configurableTabs/0/context'))).toBe(true);
  });

  it('names the Graph permissions an admin grants, and the notification limit, in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(/`Calendars\.ReadWrite` \(delegated\)/);
    expect(readme).toMatch(/`OnlineMeetingArtifact\.Read\.All` \(application\), with an\s+\[application access policy\]/);
    // The limit the README promises is the one the announcer applies.
    expect(readme).toContain(`one notification per ${NOTIFICATION_LIMITS.minGapMs / 60_000} minutes and ${NOTIFICATION_LIMITS.perHour} per hour`);
  });

  it('rejects what the schema forbids (the validator is not a no-op)', () => {
    const m = manifest();
    m.bots[0].botId = 'ikke-en-guid';
    m.staticTabs[0].contentUrl = 'ftp://x';
    const errors = validateManifest(m);
    expect(errors.some((e) => e.startsWith('/bots/0/botId'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/staticTabs/0/contentUrl'))).toBe(true);
  });

  it('fails with a Norwegian and English message naming every unresolved placeholder', () => {
    const { TAB_DOMAIN: _t, ...withoutTab } = vars;
    let error: unknown;
    try {
      substitute(manifestTemplate, { ...withoutTab, BOT_ID: '  ' }, 'appPackage/manifest.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UnresolvedPlaceholderError);
    const message = (error as Error).message;
    expect(message).toContain('Uløste plassholdere i appPackage/manifest.json: BOT_ID, TAB_DOMAIN');
    expect(message).toContain('Unresolved placeholders in appPackage/manifest.json: BOT_ID, TAB_DOMAIN');
    expect((error as UnresolvedPlaceholderError).names).toEqual(['BOT_ID', 'TAB_DOMAIN']);
  });

  it('escapes substituted values for JSON', () => {
    expect(JSON.parse(substitute('{"a":"${{X}}"}', { X: 'si "hei"\\' }))).toEqual({ a: 'si "hei"\\' });
  });
});

describe.each(['nn.json', 'en.json'])('%s', (file) => {
  const localization = JSON.parse(substitute(read('appPackage', file).toString('utf8'), vars)) as Record<string, unknown>;

  it('is valid against the bundled Localization schema', () => {
    expect(validateLocalization(localization, '1.24')).toEqual([]);
    expect(validateLocalization({ ...localization, 'name.kort': 'x' }, '1.24')).not.toEqual([]);
  });

  it('only translates entries that exist in manifest.json', () => {
    const m = manifest();
    for (const key of Object.keys(localization).filter((k) => k !== '$schema')) {
      const value = key
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .reduce<any>((node, part) => node?.[part], m);
      expect(typeof value, `${key} finnes ikke i manifest.json`).toBe('string');
    }
  });
});

describe('icons', () => {
  const color = read('appPackage', 'color.png');
  const outline = read('appPackage', 'outline.png');

  it('have the sizes Teams requires and a white-on-transparent outline', () => {
    expect(pngInfo(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    expect(checkIcons(color, outline)).toEqual([]);
  });

  it('reports wrong sizes and coloured outline pixels', () => {
    expect(checkIcons(outline, outline)[0]).toContain('color.png er 32×32');
    const red = rgbaPng(32, 32, (x) => (x < 16 ? [255, 0, 0, 255] : [0, 0, 0, 0]));
    expect(checkIcons(color, red).join('\n')).toContain('512 synlige piksler som ikke er hvite');
    const white = rgbaPng(32, 32, (x) => (x < 16 ? [255, 255, 255, 255] : [0, 0, 0, 0]));
    expect(checkIcons(color, white)).toEqual([]);
    const opaque = rgbaPng(32, 32, () => [255, 255, 255, 255]);
    expect(checkIcons(color, opaque).join('\n')).toContain('ingen gjennomsiktige piksler');
  });
});

describe('app package zip', () => {
  it('holds exactly manifest.json, nn.json, en.json and the two icons at its root, fully substituted', async () => {
    const result = await packageApp(appPackageDir, 'local', vars);
    const zip = await JSZip.loadAsync(result.zip);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'nn.json', 'outline.png']);
    const zipped = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, any>;
    expect(JSON.stringify(zipped)).not.toContain('${{');
    expect(zipped.id).toBe(provisioned.TEAMS_APP_ID);
    // Locally bot and tab share the tunnel host: listed once.
    expect(zipped.validDomains).toEqual([vars.TAB_DOMAIN]);
    expect(Buffer.compare(await zip.file('outline.png')!.async('nodebuffer'), read('appPackage', 'outline.png'))).toBe(0);
    expect(result.warnings.join('\n')).toContain('.invalid');
  });

  it('refuses to build with an invalid value', async () => {
    await expect(packageApp(appPackageDir, 'local', { ...vars, BOT_ID: 'bot' })).rejects.toBeInstanceOf(PackageError);
    await expect(packageApp(appPackageDir, 'local', { ...vars, TEAMS_APP_ID: '' })).rejects.toThrow(/TEAMS_APP_ID/);
  });
});
