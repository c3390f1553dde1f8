/**
 * The message catalogue (issue 11): every text in bokmål, nynorsk and English, the same keys
 * and placeholders in all three, no key unused, and no user-facing text left in code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { registeredNamespaces, translatorOf } from '../src/platform/i18n/messages.js';
import { locales } from '../src/platform/i18n/locale.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const serverFiles = walk(src).filter((f) => /\.ts$/.test(f) && !f.startsWith(join(src, 'tab')));
const messageModules = serverFiles.filter((f) => f.endsWith('/messages.ts') && readFileSync(f, 'utf8').includes('defineMessages('));
for (const module of messageModules) await import(pathToFileURL(module).href);

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the message catalogue', () => {
  it('has one messages.ts per namespace, all registered', () => {
    expect(messageModules.length).toBeGreaterThan(0);
    expect(registeredNamespaces().size).toBe(messageModules.length);
  });

  for (const [namespace, files] of registeredNamespaces()) {
    describe(namespace, () => {
      const nb = leaves(files.nb);

      it.each(locales.filter((l) => l !== 'nb'))('has every bokmål key in %s, no other, none empty, same placeholders', (locale) => {
        const other = leaves(files[locale]);
        // Plural forms differ per language only in which suffixes exist; compare their bases.
        const bases = (m: Map<string, string>) => [...new Set([...m.keys()].map(pluralBase))].sort();
        expect(bases(other)).toEqual(bases(nb));
        for (const [key, text] of [...other, ...nb]) {
          // Only {{name}} placeholders: the translator's fast path interpolates nothing else.
          expect(text.match(/\{\{[^}]*\}\}/g)?.every((p) => /^\{\{\s*\w+\s*\}\}$/.test(p)) ?? true, `${namespace}:${key}`).toBe(true);
          expect(text, `${namespace}:${key}`).not.toContain('$t(');
        }
        for (const [key, text] of other) {
          expect(text.trim(), `${namespace}:${key} (${locale})`).not.toBe('');
          const nbText = nb.get(key) ?? nb.get(`${pluralBase(key)}_other`) ?? '';
          expect(placeholders(text), `${namespace}:${key} (${locale})`).toEqual(placeholders(nbText));
        }
      });

      it('uses every key', () => {
        const module = messageModules.find((m) => registeredNamespaceOf(m) === namespace)!;
        const code = walk(dirname(module))
          .filter((f) => f.endsWith('.ts') && f !== module)
          .map((f) => readFileSync(f, 'utf8'))
          .join('\n');
        const unused = [...new Set([...nb.keys()].map(pluralBase))].filter((key) => {
          if (code.includes(`'${key}'`) || code.includes(`"${key}"`) || code.includes(`\`${key}\``)) return false;
          // A key chosen at run time: `status.${s}` covers every «status.*».
          const dynamic = [...code.matchAll(/`([\w.-]+)\.\$\{/g)].map((m) => `${m[1]}.`);
          return !dynamic.some((prefix) => key.startsWith(prefix));
        });
        expect(unused).toEqual([]);
      });

      it('writes plurals as i18next does, for every count form', async () => {
        // The app picks `_one`/`_other` itself (a fast path on the vote's card); i18next is the reference.
        const reference = i18next.createInstance();
        await reference.init({ lng: 'nb', fallbackLng: false, resources: {}, interpolation: { escapeValue: false }, showSupportNotice: false });
        for (const locale of locales) reference.addResourceBundle(locale, namespace, files[locale], true, true);
        const translate = translatorOf(namespace)!;
        const plurals = [...new Set([...nb.keys()].filter((k) => k !== pluralBase(k)).map(pluralBase))];
        for (const locale of locales) {
          const texts = leaves(files[locale]);
          for (const key of plurals) {
            const names = [...texts].filter(([k]) => pluralBase(k) === key).flatMap(([, text]) => placeholders(text));
            for (const count of [0, 1, 2, 5, 21, 100]) {
              const vars = { ...Object.fromEntries(names.map((n) => [n!, `«${n}»`])), count };
              expect(translate(locale, key, vars), `${namespace}:${key} (${locale}, ${count})`).toBe(reference.getFixedT(locale, namespace)(key, vars));
            }
          }
        }
      });
    });
  }
});

function registeredNamespaceOf(module: string): string | undefined {
  return /defineMessages\('([^']+)'/.exec(readFileSync(module, 'utf8'))?.[1];
}

/**
 * A simple scanner for text that reaches people but is not in the catalogue: a string literal
 * with two or more words that starts with a capital letter, or that has Norwegian letters.
 * Log lines, thrown bugs (never shown: they become intern-feil), SQL and comments are not text
 * for people. Reference and demo data are content, not interface.
 */
const exempt = [/^src\/demo\//, /^src\/reference\//, /\/messages\.ts$/, /\/sql\//, /^src\/platform\/db\//, /^src\/main\.ts$/];
const notForPeople = /\b(log|logger)\.(info|warn|error|debug|fatal|trace)\(|throw new Error\(|new Error\(|console\.|i18n-ignore/;

function literalsOf(line: string): string[] {
  return [...line.matchAll(/'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const looksLikeText = (s: string) => /[æøåÆØÅ«»]/.test(s) || /^[A-ZÆØÅ][a-zæøå]+,? [a-zæøå]+/.test(s.replace(/\$\{[^}]*\}/g, 'x'));

function hardCodedTexts(folder: string): string[] {
  const found: string[] = [];
  for (const file of serverFiles) {
    const rel = relative(root, file).replaceAll('\\', '/');
    if (!rel.startsWith(`src/${folder}/`) && rel !== `src/${folder}`) continue;
    if (exempt.some((e) => e.test(rel))) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    let inComment = false;
    lines.forEach((line, i) => {
      const trimmed = line.trim();
      if (trimmed.startsWith('/*')) inComment = true;
      const skip = inComment || trimmed.startsWith('//') || trimmed.startsWith('*') || notForPeople.test(line) || /^import /.test(trimmed);
      if (trimmed.includes('*/')) inComment = false;
      if (skip) return;
      for (const literal of literalsOf(line.replace(/\/\/.*$/, ''))) if (looksLikeText(literal)) found.push(`${rel}:${i + 1}: ${literal.slice(0, 70)}`);
    });
  }
  return found;
}

const folders = readdirSync(src).filter((f) => f !== 'tab' && statSync(join(src, f)).isDirectory());

describe('no user-facing text outside the catalogue', () => {
  it.each(folders)('src/%s', (folder) => {
    expect(hardCodedTexts(folder)).toEqual([]);
  });
});
