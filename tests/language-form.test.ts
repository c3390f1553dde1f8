import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { municipalityFileSchema } from '../src/reference/catalogue.js';
import { officialLanguageForm } from '../src/reference/language-form.js';
import { domainDataDir } from '../src/platform/paths.js';

const municipalities = municipalityFileSchema.parse(JSON.parse(readFileSync(join(domainDataDir, 'kommuner-2024.json'), 'utf8')));

describe('municipalities’ official language form (språkvedtak)', () => {
  it('knows the well-known ones', () => {
    expect(officialLanguageForm('4621')).toBe('nynorsk'); // Voss
    expect(officialLanguageForm('1520')).toBe('nynorsk'); // Ørsta
    expect(officialLanguageForm('4601')).toBe('nøytral'); // Bergen
    // Oslo and Tromsø have made no demand on state bodies (Oslo's bokmål is only its own administrasjonsspråk).
    expect(officialLanguageForm('0301')).toBe('nøytral');
    expect(officialLanguageForm('5501')).toBe('nøytral');
    expect(officialLanguageForm('3103')).toBe('nøytral'); // Moss
    expect(officialLanguageForm('3101')).toBe('bokmål'); // Halden
    // The demo's municipalities: Bærum, Asker, Drammen.
    expect(['3201', '3203', '3301'].map(officialLanguageForm)).toEqual(['bokmål', 'nøytral', 'nøytral']);
  });

  it('answers null for what is no 2024 municipality', () => {
    expect(officialLanguageForm('1201')).toBeNull(); // Bergen's number before 2020
    expect(officialLanguageForm('')).toBeNull();
    expect(officialLanguageForm('46O1')).toBeNull();
  });

  it('has a form for all 357, with Språkrådet’s national totals and a county table as in data/README.md', () => {
    expect(municipalities).toHaveLength(357);
    const count = (form: string, county?: string) => municipalities.filter((m) => m.languageForm === form && (!county || m.fylkesnummer === county)).length;
    expect([count('bokmål'), count('nynorsk'), count('nøytral')]).toEqual([119, 88, 150]);
    expect([count('bokmål', '46'), count('nynorsk', '46'), count('nøytral', '46')]).toEqual([0, 41, 2]); // Vestland
    expect([count('bokmål', '15'), count('nynorsk', '15'), count('nøytral', '15')]).toEqual([0, 15, 12]); // Møre og Romsdal
    expect([count('bokmål', '40'), count('nynorsk', '40'), count('nøytral', '40')]).toEqual([2, 8, 7]); // Telemark
    for (const m of municipalities) expect(officialLanguageForm(m.nummer)).toBe(m.languageForm);
  });
});
