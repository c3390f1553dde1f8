/**
 * Builds the Teams app package: env substitution, schema validation, icon checks and zipping.
 * Pure functions (no process.exit, no console) so tests can call each step; the CLI is
 * scripts/package-app.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
// The Teams schemas are JSON Schema draft-04, which Ajv 8 only speaks through ajv-draft-04
// (the same class @microsoft/app-manifest uses). Both are CommonJS: take .default at runtime.
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import JSZip from 'jszip';

const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

export const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class UnresolvedPlaceholderError extends Error {
  constructor(
    readonly names: string[],
    readonly file: string,
  ) {
    super(
      `Uløste plassholdere i ${file}: ${names.join(', ')}. Sett dem i env/.env.<miljø> eller i miljøet.\n` +
        `Unresolved placeholders in ${file}: ${names.join(', ')}. Set them in env/.env.<env> or the environment.`,
    );
    this.name = 'UnresolvedPlaceholderError';
  }
}

/** KEY=VALUE lines; `#` comments, blank lines, optional `export ` and surrounding quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2] ?? '';
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, ''); // trailing comment only when unquoted
    out[m[1] as string] = value;
  }
  return out;
}

/**
 * Replaces `${{VAR}}` in a JSON text. Values are JSON-string-escaped because every placeholder
 * sits inside a JSON string. An empty value counts as unresolved: an empty id or domain would
 * only fail later with a vaguer schema error.
 */
export function substitute(template: string, vars: Record<string, string | undefined>, file = 'mal'): string {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value.trim()).slice(1, -1);
  });
  if (missing.size > 0) throw new UnresolvedPlaceholderError([...missing].sort(), file);
  return text;
}

/** Folder of the official schemas bundled (offline) with @microsoft/app-manifest. */
export function schemaDir(manifestVersion: string): string {
  const require = createRequire(import.meta.url);
  const buildDir = dirname(require.resolve('@microsoft/app-manifest'));
  const dir = join(buildDir, 'json-schemas', 'teams', `v${manifestVersion}`);
  if (!existsSync(dir)) throw new Error(`Fant ikke skjema for manifestVersion ${manifestVersion} / no bundled schema (${dir})`);
  return dir;
}

function loadSchema(manifestVersion: string, file: string): object {
  return JSON.parse(readFileSync(join(schemaDir(manifestVersion), file), 'utf8')) as object;
}

function compile(schema: object) {
  // unicodeRegExp off: the Localization schema has patterns (`\b]`) that are only valid
  // without the `u` flag; Teams itself does not evaluate them as Unicode regexes either.
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(schema);
}

function errorsOf(validate: ReturnType<typeof compile>, data: unknown): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`.trim(),
  );
}

function versionOf(manifest: unknown): string {
  const v = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof v !== 'string') throw new Error('manifest.json mangler manifestVersion / has no manifestVersion');
  return v;
}

/** Schema errors (empty when valid) against the bundled schema of the manifest's own version. */
export function validateManifest(manifest: unknown): string[] {
  return errorsOf(compile(loadSchema(versionOf(manifest), 'MicrosoftTeams.schema.json')), manifest);
}

export function validateLocalization(localization: unknown, manifestVersion: string): string[] {
  return errorsOf(compile(loadSchema(manifestVersion, 'MicrosoftTeams.Localization.schema.json')), localization);
}

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the IHDR chunk, which a valid PNG always has first. */
export function pngInfo(png: Buffer): PngInfo {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('ikke en PNG-fil / not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24] ?? 0, colorType: png[25] ?? 0 };
}

/** Decodes an 8-bit RGBA, non-interlaced PNG (what the outline icon must be) to raw RGBA. */
export function decodeRgba(png: Buffer): Uint8Array {
  const info = pngInfo(png);
  if (info.bitDepth !== 8 || info.colorType !== 6 || png[28] !== 0) {
    throw new Error('forventet 8-bits RGBA uten interlacing / expected 8-bit RGBA, non-interlaced');
  }
  const idat: Buffer[] = [];
  for (let pos = 8; pos < png.length; ) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    if (type === 'IDAT') idat.push(png.subarray(pos + 8, pos + 8 + len));
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = info.width * 4;
  const out = new Uint8Array(stride * info.height);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    for (let x = 0; x < stride; x++) {
      const cur = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (cur + pred) & 0xff;
    }
  }
  return out;
}

/**
 * Teams rules: colour icon 192×192; outline icon 32×32, white on transparent. Antialiased edges
 * are fine as long as every visible pixel is white (alpha carries the shape).
 */
export function checkIcons(color: Buffer, outline: Buffer): string[] {
  const problems: string[] = [];
  const c = pngInfo(color);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png er ${c.width}×${c.height}, skal være 192×192 / must be 192×192`);
  const o = pngInfo(outline);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline.png er ${o.width}×${o.height}, skal være 32×32 / must be 32×32`);
  let rgba: Uint8Array;
  try {
    rgba = decodeRgba(outline);
  } catch (err) {
    problems.push(`outline.png: ${(err as Error).message}`);
    return problems;
  }
  let transparent = 0;
  let visible = 0;
  let nonWhite = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3] ?? 0;
    if (alpha === 0) transparent++;
    else {
      visible++;
      if ((rgba[i] ?? 0) < 250 || (rgba[i + 1] ?? 0) < 250 || (rgba[i + 2] ?? 0) < 250) nonWhite++;
    }
  }
  if (transparent === 0) problems.push('outline.png har ingen gjennomsiktige piksler / has no transparent pixels');
  if (visible === 0) problems.push('outline.png er helt tom / is fully transparent');
  if (nonWhite > 0) problems.push(`outline.png har ${nonWhite} synlige piksler som ikke er hvite / visible pixels that are not white`);
  return problems;
}

/** Files at the zip root; a fixed date keeps the zip byte-identical for identical input. */
export async function buildZip(files: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [name, content] of Object.entries(files)) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

export interface PackageResult {
  envName: string;
  zip: Buffer;
  manifest: Record<string, unknown>;
  warnings: string[];
}

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Apppakken er ugyldig / the app package is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

/** Every step for one environment; `vars` is the merged env file + process environment. */
export async function packageApp(appPackageDir: string, envName: string, vars: Record<string, string | undefined>): Promise<PackageResult> {
  const read = (f: string) => readFileSync(join(appPackageDir, f));
  const manifestText = substitute(read('manifest.json').toString('utf8'), vars, 'appPackage/manifest.json');
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  // Locally the tab and the bot share one tunnel host; Teams wants each domain once.
  if (Array.isArray(manifest.validDomains)) manifest.validDomains = [...new Set(manifest.validDomains as string[])];

  const problems = validateManifest(manifest).map((e) => `manifest.json${e}`);
  const version = versionOf(manifest);
  const files: Record<string, Buffer | string> = { 'manifest.json': JSON.stringify(manifest, null, 2) + '\n' };

  const languages = ((manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined)?.additionalLanguages ?? []);
  for (const { file } of languages) {
    const text = substitute(read(file).toString('utf8'), vars, `appPackage/${file}`);
    problems.push(...validateLocalization(JSON.parse(text), version).map((e) => `${file}${e}`));
    files[file] = text;
  }

  const icons = manifest.icons as { color: string; outline: string };
  const color = read(icons.color);
  const outline = read(icons.outline);
  problems.push(...checkIcons(color, outline));
  files[icons.color] = color;
  files[icons.outline] = outline;
  if (problems.length > 0) throw new PackageError(problems);

  const warnings: string[] = [];
  const developer = manifest.developer as Record<string, string>;
  for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
    if (/^https:\/\/[^/]*\.invalid(\/|$)/.test(developer[key] ?? '')) {
      warnings.push(`developer.${key} peker på et .invalid-domene; bytt før publisering / points at a .invalid placeholder`);
    }
  }
  return { envName, zip: await buildZip(files), manifest, warnings };
}
