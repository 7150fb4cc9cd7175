import { Tree, addProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { assessBackups } from './assess';
import { databaseEngine } from './engine';
import { planBackup } from './plan';

describe('the database engine a project backs up', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('package-lock.json', '{}');
    addProjectConfiguration(tree, 'shop', { root: 'apps/shop', projectType: 'application' });
  });
  const engine = () => databaseEngine(tree, 'apps/shop')?.engine ?? null;

  it("reads it from a Prisma schema's provider, a Drizzle config's dialect, the driver, or a database URL's scheme", () => {
    tree.write('apps/shop/package.json', JSON.stringify({ dependencies: { '@prisma/client': '6.0.0' } }));
    expect(engine()).toBeNull(); // an ORM alone names no engine
    tree.write('apps/shop/.env.example', 'DATABASE_URL="mysql://root:@localhost:3306/shop"\n');
    expect(engine()).toBe('mysql');
    tree.write('apps/shop/prisma/schema.prisma', 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n');
    expect(databaseEngine(tree, 'apps/shop')).toEqual({
      engine: 'postgresql',
      evidence: 'apps/shop/prisma/schema.prisma (provider = "postgresql")',
    });
    tree.delete('apps/shop/prisma/schema.prisma');
    tree.write('apps/shop/drizzle.config.ts', "export default defineConfig({ dialect: 'sqlite', schema: './db' });\n");
    expect(engine()).toBe('sqlite');
    tree.delete('apps/shop/drizzle.config.ts');
    tree.write('apps/shop/package.json', JSON.stringify({ dependencies: { '@prisma/client': '6.0.0', mysql2: '3.0.0' } }));
    expect(engine()).toBe('mysql');
  });

  it('a MySQL datasource: the backup check does not apply, and the generator plans no pg_dump backups', async () => {
    tree.write('apps/shop/package.json', JSON.stringify({ dependencies: { '@prisma/client': '6.0.0' } }));
    tree.write('apps/shop/prisma/schema.prisma', 'datasource db {\n  provider = "mysql"\n  url = env("DATABASE_URL")\n}\n');
    expect(await assessBackups(tree, { root: 'apps/shop', isApp: true, externalDependencies: [] }, {})).toEqual({
      state: 'unsupported-engine',
      engine: 'mysql',
      evidence: 'apps/shop/prisma/schema.prisma (provider = "mysql")',
    });
    expect(() => planBackup(tree, { name: 'shop', root: 'apps/shop' }, { bucket: 'backups' }, () => [])).toThrow(
      'shop\'s datasource is mysql (apps/shop/prisma/schema.prisma (provider = "mysql")): backups are pg_dump and pg_restore, for PostgreSQL only; mysql is not supported yet.',
    );
  });
});
