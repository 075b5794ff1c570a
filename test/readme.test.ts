import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, envSchema } from '../src/config/config-schema.js';
import { listConfigKeys } from '../src/config/list-config-keys.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('opens with the two commands', () => {
    const firstBlock = readme.slice(
      readme.indexOf('```'),
      readme.indexOf('```', readme.indexOf('```') + 3),
    );
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('documents every configuration key of the schema', () => {
    for (const key of listConfigKeys(configSchema)) {
      const documented = key.endsWith('.<key>') ? `\`${key.replace('.<key>', '.<')}` : `\`${key}\``;
      expect(readme, key).toContain(documented);
    }
  });

  it('documents every environment variable', () => {
    for (const name of Object.keys(envSchema.shape)) expect(readme, name).toContain(`\`${name}\``);
  });

  it('documents every /voice subcommand and CLI command', () => {
    for (const sub of ['search', 'stats', 'health', 'owners', 'optout', 'help'])
      expect(readme).toContain(`/voice ${sub}`);
    for (const command of [
      'start',
      'run --once',
      'classify',
      'import',
      'search',
      'fakes',
      'db migrate',
    ])
      expect(readme).toContain(`\`${command}`);
  });
});
