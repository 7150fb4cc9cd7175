import { join } from 'node:path';
import { inMemorySourceFile, loadFixtures, recordOutput, syntaxErrors } from '../../testing/fixtures';
import { RemoteHost, addRemotePatterns, readNextConfigImages } from './remote-patterns';

interface Meta {
  file: string;
  hosts: string[];
  added: string[];
  usesDomains?: boolean;
  editable?: boolean;
}

describe('next.config.* remotePatterns', () => {
  for (const fixture of loadFixtures<Meta>(join(__dirname, '__fixtures__'))) {
    it(fixture.name, () => {
      const sf = inMemorySourceFile(fixture.meta.file, fixture.input);
      const hosts: RemoteHost[] = fixture.meta.hosts.map((hostname) => ({ protocol: 'https', hostname }));
      const state = readNextConfigImages(sf);
      expect(state.editable).toBe(fixture.meta.editable ?? true);
      expect(state.usesDomains).toBe(fixture.meta.usesDomains ?? false);
      expect(addRemotePatterns(sf, hosts)).toEqual(fixture.meta.added);
      const text = sf.getFullText();
      expect(text).toBe(recordOutput(fixture, text));
      expect(syntaxErrors(fixture.meta.file, text)).toEqual([]);
      // Every host is allowed afterwards (where the config can be edited), and a second run adds nothing.
      if (state.editable) expect(fixture.meta.hosts.every((h) => readNextConfigImages(sf).allowedHosts.has(h))).toBe(true);
      expect(addRemotePatterns(sf, hosts)).toEqual([]);
      expect(sf.getFullText()).toBe(text);
    });
  }
});
