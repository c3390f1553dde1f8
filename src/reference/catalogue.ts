import { z } from 'zod';

export const reformCatalogueSchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,60}$/),
  name: z.string().min(1),
  source: z.string().optional(),
  focusAreas: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9-]{2,60}$/),
        name: z.string().min(1),
        // Bo trygt hjemme has focus areas but no official solutions: an area may have none.
        solutions: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
});

export type ReformCatalogue = z.infer<typeof reformCatalogueSchema>;

export interface CatalogueSolutionRow {
  focusAreaCode: string;
  code: string;
  name: string;
  position: number;
}

/** Solution codes are derived from their focus area and position, so the data file stays prose. */
export function catalogueSolutions(catalogue: ReformCatalogue): CatalogueSolutionRow[] {
  return catalogue.focusAreas.flatMap((area) =>
    area.solutions.map((name, index) => ({
      focusAreaCode: area.code,
      code: `${area.code}-${index + 1}`,
      name,
      position: index + 1,
    })),
  );
}

/** The reforms a network can be on: one catalogue file each in data/. */
export const REFORM_FILES = ['reform-leve-hele-livet.json', 'reform-bo-trygt-hjemme.json'] as const;

/** A region a network belongs to: one Statsforvalter office and the counties it serves (data/regioner-statsforvalter.json). */
export const regionFileSchema = z
  .array(
    z.object({
      slug: z.string().regex(/^[a-z0-9-]{2,60}$/),
      name: z.string().min(1),
      office: z.string().min(1),
      countyNumbers: z.array(z.string().regex(/^\d{2}$/)).min(1),
    }),
  )
  .min(1);

export type ReferenceRegion = z.infer<typeof regionFileSchema>[number];

export const countyFileSchema = z.array(z.object({ nummer: z.string().regex(/^\d{2}$/), navn: z.string().min(1) })).min(1);

/**
 * A municipality's språkvedtak (målvedtak): the written form state bodies must use when they
 * write to it (språklova § 11, listed in språkvedtaksforskrifta). 'nøytral' means no demand,
 * which is also what a municipality that has made no decision counts as. See data/README.md.
 */
export const languageForms = ['nynorsk', 'bokmål', 'nøytral'] as const;
export type LanguageForm = (typeof languageForms)[number];

export const municipalityFileSchema = z
  .array(
    z.object({
      nummer: z.string().regex(/^\d{4}$/),
      navn: z.string().min(1),
      fylkesnummer: z.string().regex(/^\d{2}$/),
      fylkesnavn: z.string().min(1),
      languageForm: z.enum(languageForms),
    }),
  )
  .min(1);
