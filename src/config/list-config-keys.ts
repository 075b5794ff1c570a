import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}

/**
 * Every key path of a config schema (`sources.reddit.pollSeconds`, records as
 * `routing.categories.<key>`), so the README's reference can be checked
 * against the schema instead of drifting from it.
 */
export function listConfigKeys(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'pipe':
      return listConfigKeys((def.innerType ?? def.in)!, prefix);
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, value]) =>
        listConfigKeys(value, prefix ? `${prefix}.${key}` : key),
      );
    case 'record':
      return [`${prefix}.<key>`];
    default:
      return [prefix];
  }
}
