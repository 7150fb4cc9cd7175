// The bench's real-sized Next.js app for build-production: the end-to-end suite's workspace (Nx 23,
// Next 16, the plugin installed from its tarball), copied, with its app grown to ROUTES routes. Every
// route is a server page around a client component of its own that uses real client libraries from
// the npm registry (charts, forms with schema validation, data fetching, icons, animation, dates), so
// each route has its own client chunk. The bare `next build` grows little with routes here (Node 24:
// 26.9 s at 72 routes, 25.6 s at 96), so 160: medians of 37.8–47.1 s on Node 20 and 42.2–45.4 s on Node 24 (two runs, 2 cores).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROUTES = 160;

/** Client libraries the routes use, at versions that support React 19. */
export const CLIENT_DEPENDENCIES = {
  recharts: '3.2.1',
  'react-hook-form': '7.62.0',
  zod: '3.25.76',
  '@tanstack/react-query': '5.87.4',
  'lucide-react': '0.544.0',
  // framer-motion's own packages, pinned with it: a newer motion-dom drops exports it imports.
  'framer-motion': '12.43.0',
  'motion-dom': '12.43.0',
  'motion-utils': '12.39.0',
  'date-fns': '4.1.0',
};

const SKIP = new Set(['node_modules', '.next', 'dist', 'out-tsc', '.nx', 'coverage', 'tmp']);

const CHARTS = [
  ['LineChart', 'Line', 'type="monotone" dataKey="value" stroke="#2563eb"'],
  ['BarChart', 'Bar', 'dataKey="value" fill="#16a34a"'],
  ['AreaChart', 'Area', 'type="monotone" dataKey="value" stroke="#9333ea" fill="#e9d5ff"'],
  ['ComposedChart', 'Line', 'dataKey="value" stroke="#ea580c"'],
];
const ICONS = ['Activity', 'BarChart3', 'Bell', 'Calendar', 'Camera', 'Cloud', 'Compass', 'Database', 'Globe', 'Heart', 'Layers', 'Map'];

function view(i) {
  const [chart, series, props] = CHARTS[i % CHARTS.length];
  const icon = ICONS[i % ICONS.length];
  return `'use client';

import { useMemo, useState } from 'react';
import { ${chart}, ${series}, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useQuery } from '@tanstack/react-query';
import { ${icon} } from 'lucide-react';
import { motion, AnimatePresence } from 'framer-motion';
import { addDays, format, formatDistanceToNow } from 'date-fns';

const schema = z.object({
  name: z.string().min(2, 'at least 2 characters'),
  amount: z.coerce.number().min(${i}).max(${1000 + i}),
  email: z.string().email(),
});
type Entry = z.infer<typeof schema>;

async function series${i}(days: number): Promise<Array<{ day: string; value: number }>> {
  const start = new Date(2026, 0, ${(i % 27) + 1});
  return Array.from({ length: days }, (_, d) => ({
    day: format(addDays(start, d), 'MMM d'),
    value: Math.round(50 + 40 * Math.sin((d + ${i}) / ${3 + (i % 5)})),
  }));
}

export default function View${i}() {
  const [days, setDays] = useState(${14 + (i % 10)});
  const [entries, setEntries] = useState<Entry[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const { data = [] } = useQuery({ queryKey: ['series-${i}', days], queryFn: () => series${i}(days) });
  const { register, handleSubmit, reset } = useForm<Record<keyof Entry, string>>();
  const total = useMemo(() => entries.reduce((sum, e) => sum + e.amount, 0), [entries]);
  const onSubmit = handleSubmit((values) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => \`\${issue.path.join('.')}: \${issue.message}\`));
      return;
    }
    setErrors([]);
    setEntries((list) => [...list, parsed.data]);
    reset();
  });
  return (
    <motion.section initial={{ opacity: 0, y: 8 }} animate={{ opacity: 1, y: 0 }}>
      <h1>
        <${icon} size={20} /> Report ${i}
      </h1>
      <p>Updated {formatDistanceToNow(new Date(2026, 10, ${(i % 27) + 1}), { addSuffix: true })}</p>
      <label>
        Days <input type="range" min={7} max={60} value={days} onChange={(e) => setDays(Number(e.target.value))} />
      </label>
      <div style={{ height: 240 }}>
        <ResponsiveContainer>
          <${chart} data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis />
            <Tooltip />
            <${series} ${props} />
          </${chart}>
        </ResponsiveContainer>
      </div>
      <form onSubmit={onSubmit}>
        <input placeholder="name" {...register('name')} />
        <input placeholder="amount" {...register('amount')} />
        <input placeholder="email" {...register('email')} />
        <button type="submit">Add</button>
      </form>
      <AnimatePresence>
        {errors.map((error) => (
          <motion.p key={error} initial={{ opacity: 0 }} animate={{ opacity: 1 }} exit={{ opacity: 0 }}>
            {error}
          </motion.p>
        ))}
      </AnimatePresence>
      <ul>
        {entries.map((e, n) => (
          <li key={n}>
            {e.name} ({e.email}): {e.amount}
          </li>
        ))}
      </ul>
      <p>Total {total}</p>
    </motion.section>
  );
}
`;
}

const page = (i) => `import View${i} from './view';

export const metadata = { title: 'Report ${i}' };

export default function Page() {
  return <View${i} />;
}
`;

const PROVIDERS = `'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export default function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
`;

const LAYOUT = `import './global.css';
import Providers from './providers';

export const metadata = { title: 'Reports', description: 'The bench app of @plinto/ready' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
`;

const INDEX = (n) => `import Link from 'next/link';

export default function Index() {
  return (
    <ul>
${Array.from({ length: n }, (_, i) => `      <li><Link href="/r${String(i).padStart(2, '0')}">Report ${i}</Link></li>`).join('\n')}
    </ul>
  );
}
`;

/**
 * Writes `<dest>` (once; kept between bench runs unless the route count changed) and returns its
 * path. `source` is the end-to-end workspace with the plugin installed (tmp/e2e/ws).
 */
export function writeBigApp(source, dest, { routes = ROUTES } = {}) {
  const marker = join(dest, `.routes-${routes}`);
  if (existsSync(marker)) return dest;
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(source)) {
    if (SKIP.has(entry) || entry === '.git') continue;
    cpSync(join(source, entry), join(dest, entry), { recursive: true, filter: (src) => !SKIP.has(src.split('/').pop()) });
  }
  // node_modules as hard links (no second copy on disk); npm then adds the client libraries.
  execFileSync('cp', ['-al', join(source, 'node_modules'), join(dest, 'node_modules')]);
  const app = join(dest, 'apps', 'web', 'app');
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, 'global.css'), 'body { font-family: sans-serif; margin: 2rem; }\n');
  writeFileSync(join(app, 'layout.tsx'), LAYOUT);
  writeFileSync(join(app, 'providers.tsx'), PROVIDERS);
  writeFileSync(join(app, 'page.tsx'), INDEX(routes));
  for (let i = 0; i < routes; i++) {
    const dir = join(app, `r${String(i).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.tsx'), page(i));
    writeFileSync(join(dir, 'view.tsx'), view(i));
  }
  rmSync(join(dest, 'apps', 'web', 'specs'), { recursive: true, force: true });
  // The charts make every route's first load about 310 kB gzipped, over the default 200 kB budget:
  // a real finding, but the bench times a passing build-production, so the app sets its own budget.
  const manifest = join(dest, 'apps', 'web', 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  pkg.nx = { ...pkg.nx, targets: { ...pkg.nx?.targets, 'build-production': { options: { budgets: { firstLoadJsKb: 400 } } } } };
  writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n');
  execFileSync(
    'npm',
    ['i', '--no-audit', '--no-fund', '-w', 'apps/web', ...Object.entries(CLIENT_DEPENDENCIES).map(([n, v]) => `${n}@${v}`)],
    { cwd: dest, stdio: 'ignore' },
  );
  execFileSync('git', ['init', '-q'], { cwd: dest });
  writeFileSync(marker, '');
  return dest;
}
