import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { municipalityFileSchema, type LanguageForm } from './catalogue.js';
import { domainDataDir } from '../platform/paths.js';

export type { LanguageForm };

let byNumber: ReadonlyMap<string, LanguageForm> | undefined;

function languageForms(): ReadonlyMap<string, LanguageForm> {
  byNumber ??= new Map(
    municipalityFileSchema.parse(JSON.parse(readFileSync(join(domainDataDir, 'kommuner-2024.json'), 'utf8'))).map((m) => [m.nummer, m.languageForm]),
  );
  return byNumber;
}

/**
 * The municipality's official language form (its språkvedtak: what state bodies such as
 * Statsforvalteren must write to it in), by its 2024 number ('4621'), or null for a number that
 * is no municipality of 2024. 'nøytral' demands neither form, so a caller choosing a locale goes
 * on to its own default. Source and uncertain entries: src/reference/data/README.md.
 */
export function officialLanguageForm(municipalityNumber: string): LanguageForm | null {
  return languageForms().get(municipalityNumber) ?? null;
}
