import { z } from 'zod';

const id = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    'an id is lower-case letters, digits and dashes, starting with a letter',
  );
const queries = z
  .record(
    z.string().regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code, e.g. en or es'),
    z.string().min(1),
  )
  .refine((value) => Object.keys(value).length > 0, 'give at least one query, e.g. { en: "..." }');

export const subcategorySchema = z.strictObject({
  id,
  name: z.string().min(1),
  queries,
});

export const categorySchema = z.strictObject({
  id,
  name: z.string().min(1),
  description: z.string().optional(),
  priority: z.enum(['high', 'normal', 'low']).default('normal'),
  queries,
  subcategories: z.array(subcategorySchema).default([]),
});

export const taxonomySchema = z.strictObject({
  version: z.literal(1),
  categories: z.array(categorySchema).min(1, 'a taxonomy needs at least one category'),
});

export type TaxonomyDefinition = z.infer<typeof taxonomySchema>;
export type CategoryDefinition = z.infer<typeof categorySchema>;
