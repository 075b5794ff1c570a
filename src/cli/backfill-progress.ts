import type { Writable } from 'node:stream';
import cliProgress from 'cli-progress';

export type BackfillProgress = (
  source: string,
  progress: { pages: number; posts: number; oldest: Date | null },
) => void;

/**
 * Shows how far a backfill has read back: a bar over the backfill window on a
 * terminal, a plain line per page otherwise (logs, cron).
 */
export function createBackfillProgress(
  output: Writable & { isTTY?: boolean },
  since: Date,
  now = new Date(),
): { update: BackfillProgress; stop: () => void } {
  const windowMs = Math.max(1, now.getTime() - since.getTime());
  const covered = (oldest: Date | null) =>
    oldest ? Math.min(windowMs, now.getTime() - oldest.getTime()) : 0;
  if (!output.isTTY) {
    return {
      update: (source, p) =>
        output.write(
          `${source} backfill: page ${p.pages}, ${p.posts} posts, back to ${p.oldest ? p.oldest.toISOString().slice(0, 16).replace('T', ' ') : 'now'} (${Math.round((covered(p.oldest) / windowMs) * 100)}% of the window)\n`,
        ),
      stop: () => {},
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      stream: output as NodeJS.WritableStream,
      format: '{source} backfill [{bar}] {percentage}% | {posts} posts, {pages} pages',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bySource = new Map<string, cliProgress.SingleBar>();
  return {
    update(source, p) {
      let bar = bySource.get(source);
      if (!bar) {
        bar = bars.create(windowMs, 0, { source, posts: 0, pages: 0 });
        bySource.set(source, bar);
      }
      bar.update(covered(p.oldest), { source, posts: p.posts, pages: p.pages });
    },
    stop: () => bars.stop(),
  };
}
