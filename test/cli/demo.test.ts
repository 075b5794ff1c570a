import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

// dist/ is built once by test/global-setup.ts; the demo runs from it, exactly as `npm start` does.
describe('the demo (npm start without credentials)', () => {
  it('runs one cycle over the samples through fakes and prints a card per flagged post, none for protected ones', async () => {
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'dist/cli.js'), 'start', '--once'],
      {
        cwd: tempDir(),
        env: { PATH: process.env.PATH ?? '' },
      },
    );
    expect(stdout).toContain('driver-voice DEMO');
    expect(stdout).toContain('SLACK_BOT_TOKEN');
    expect(stdout).toMatch(/┌─ #C0000SAFETY/);
    expect(stdout).toContain('Got bit by a dog at the last stop');
    expect(stdout).toContain('owner @U0000SAFETY');
    expect(stdout).toContain('[Acknowledge] [Resolve] [Reassign ▾] [Not relevant] [Open post ↗]');
    expect(stdout).toMatch(/┌─ #C0000ESPANA/);
    expect(stdout).toContain('<!channel>'); // shown as Slack shows it, escaped in the message itself
    for (const protectedText of [
      'We need a union',
      'Huelga general',
      'A reporter from the local paper',
    ]) {
      expect(stdout).not.toContain(protectedText);
    }
    expect(stdout).not.toContain('What podcasts');
    expect(stdout).toMatch(/Demo cycle: \d+ Slack message\(s\) shown/);
  }, 60_000);
});
