import { join } from 'node:path';
import { CodemodFixtureMeta, describeCodemodFixtures } from '../../testing/codemod-fixtures';
import { parseWithBabel } from '../babel';
import { readNextConfigImages, remotePatternsCodemod } from './remote-patterns';

interface Meta extends CodemodFixtureMeta {
  hosts: string[];
  added: string[];
  usesDomains?: boolean;
  editable?: boolean;
}

describeCodemodFixtures(remotePatternsCodemod, join(__dirname, '__fixtures__'), {
  context: (meta: Meta) => ({ file: meta.file, hosts: meta.hosts.map((hostname) => ({ protocol: 'https' as const, hostname })) }),
  expectations: (fixture, result, text) => {
    expect(result.changes.map((c) => c.message.replace('images.remotePatterns += ', ''))).toEqual(fixture.meta.added);
    expect(result.warnings.some((w) => w.reason === 'domains-deprecated')).toBe(fixture.meta.usesDomains ?? false);
    const after = readNextConfigImages(parseWithBabel(fixture.meta.file, text)!);
    expect(after.editable).toBe(fixture.meta.editable ?? true);
    // Every host is allowed afterwards where the config can be edited.
    if (after.editable) expect(fixture.meta.hosts.every((h) => after.allowedHosts.has(h))).toBe(true);
  },
});
