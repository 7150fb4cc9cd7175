import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This plugin's own package.json (same relative place in the sources and in the published package). */
export const PACKAGE_JSON: { name: string; version: string } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
);

/** The plugin's name, as nx.json `plugins` and `nx g` spell it. */
export const PLUGIN_NAME = '@plinto/ready';
