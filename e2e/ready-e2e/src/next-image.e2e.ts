/** next-image on the real Next.js app: convert, build, serve the optimised image; and as an Nx migration. */
import { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  APP,
  APP_ROOT,
  HERO_PNG,
  WS,
  changesSinceStaged,
  commitAll,
  httpGet,
  readWsFile,
  readWsJson,
  resetWorkspace,
  run,
  runOk,
  sh,
  startServer,
  stopServer,
  writeWsFile,
} from './harness';

const GALLERY = `export default function Gallery() {
  return (
    <main>
      <h1>Gallery</h1>
      <img src="/hero.png" alt="Our hero" loading="lazy" />
      <img src="https://cdn.example.com/photos/a.jpg" width={60} height={40} alt="A remote photo" />
      <img src="/not-there.png" alt="" />
    </main>
  );
}
`;

function seedGallery() {
  mkdirSync(join(WS, APP_ROOT, 'public'), { recursive: true });
  copyFileSync(HERO_PNG, join(WS, APP_ROOT, 'public', 'hero.png'));
  writeWsFile(`${APP_ROOT}/app/gallery/page.tsx`, GALLERY);
  commitAll('gallery with raw img');
}

describe('next-image', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    stopServer(server);
    resetWorkspace();
  });

  describe('the generator', () => {
    beforeAll(() => {
      resetWorkspace();
      seedGallery();
    });

    it('--dry-run lists the conversions and writes nothing', () => {
      const r = runOk(`npx nx g @plinto/ready:next-image --project=${APP} --dry-run`);
      expect(r.output).toContain(`converted ${APP_ROOT}/app/gallery/page.tsx:5`);
      expect(sh('git status --porcelain')).toBe('');
    });

    it('converts what is safe, skips the rest with file:line and reason, allows the remote host', () => {
      const r = runOk(`npx nx g @plinto/ready:next-image --project=${APP}`);
      expect(r.output).toContain(
        `skipped   ${APP_ROOT}/app/gallery/page.tsx:7: the file is not in public/: the image is broken either way`,
      );
      const page = readWsFile(`${APP_ROOT}/app/gallery/page.tsx`);
      expect(page).toContain("import Image from 'next/image';");
      expect(page).toMatch(/import heroImg from '\.\.\/\.\.\/public\/hero\.png';/);
      expect(page).toMatch(/<Image src=\{heroImg\} alt="Our hero" \/>/);
      expect(page).toContain('<img src="/not-there.png" alt="" />');
      expect(readWsFile(`${APP_ROOT}/next.config.js`)).toMatch(
        /remotePatterns: \[\s*\{ protocol: 'https', hostname: 'cdn\.example\.com' \}/,
      );
    });

    it('a second run changes nothing', () => {
      sh('git add -A');
      runOk(`npx nx g @plinto/ready:next-image --project=${APP}`);
      expect(changesSinceStaged()).toBe('');
      commitAll('next-image');
    });

    it('the images check agrees: nothing convertible left, the skipped one to review', () => {
      run(`npx nx run ${APP}:ready --skip-nx-cache`);
      const check = readWsJson(`dist/ready/${APP_ROOT}/ready.json`).checks.find((c: any) => c.id === 'images');
      expect(check).toMatchObject({ status: 'warn', metric: { value: 0 } });
      // formatFiles may have re-wrapped the file: find the skipped element where it is now.
      const line =
        readWsFile(`${APP_ROOT}/app/gallery/page.tsx`)
          .split('\n')
          .findIndex((l) => l.includes('/not-there.png')) + 1;
      expect(check.details).toEqual([expect.objectContaining({ file: `${APP_ROOT}/app/gallery/page.tsx`, line })]);
    });

    it('nx build passes, and the built page serves the optimised image', async () => {
      runOk(`npx nx build ${APP} --skip-nx-cache`);
      const port = 43000 + Math.floor(Math.random() * 1000);
      const base = `http://127.0.0.1:${port}`;
      server = await startServer(`npx next start -p ${port} -H 127.0.0.1`, join(WS, APP_ROOT), `${base}/gallery`);
      const page = await httpGet(`${base}/gallery`);
      expect(page.status).toBe(200);
      const match = /src="(\/_next\/image\?url=[^"]+)"/.exec(page.body);
      expect(match).not.toBeNull();
      const imageUrl = match![1].replace(/&amp;/g, '&');
      expect(decodeURIComponent(imageUrl)).toMatch(/url=\/_next\/static\/media\/hero\.[^&]+\.png&w=\d+&q=\d+/);
      const image = await httpGet(`${base}${imageUrl}`);
      expect(image.status).toBe(200);
      expect(String(image.headers['content-type'])).toMatch(/^image\//);
      stopServer(server);
      server = undefined;
    });
  });

  describe('as an Nx migration', () => {
    beforeAll(() => {
      resetWorkspace();
      seedGallery();
    });

    it('nx migrate --run-migrations runs the same codemod', () => {
      writeWsFile(
        'migrations.json',
        JSON.stringify({ migrations: [{ package: '@plinto/ready', name: 'convert-img-to-next-image', version: '0.2.0' }] }, null, 2),
      );
      // NX_MIGRATE_USE_LOCAL: run the migrations with the workspace's own nx 23.2.1 rather than
      // fetching nx@latest first (whose provenance check this registry mirror cannot answer).
      const r = runOk('npx nx migrate --run-migrations=migrations.json', { env: { NX_MIGRATE_USE_LOCAL: 'true' } });
      expect(r.output).toContain('convert-img-to-next-image');
      const page = readWsFile(`${APP_ROOT}/app/gallery/page.tsx`);
      expect(page).toMatch(/<Image src=\{heroImg\} alt="Our hero" \/>/);
      expect(page).toContain('<img src="/not-there.png" alt="" />');
    });
  });
});
