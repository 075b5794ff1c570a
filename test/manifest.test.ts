import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

describe('manifest.yml', () => {
  it('creates the /voice command, interactivity and Socket Mode', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      '/voice',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('asks for exactly the scopes driver-voice uses, and no reading of messages or history', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:read',
      'chat:write',
      'commands',
      'groups:read',
      'users:read',
      'users:read.email',
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/history|:write\.public|admin|im:|mpim:/);
  });
});
