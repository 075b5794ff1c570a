const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses `30m`, `24h`, `7d`, `2w` into milliseconds; null when it is not such a duration. */
export function parseDuration(text: string): number | null {
  const match = /^(\d{1,5})\s*([mhdw])$/i.exec(text.trim());
  if (!match) return null;
  const amount = Number(match[1]);
  return amount > 0 ? amount * UNITS[match[2]!.toLowerCase()]! : null;
}
