import { EnvRead, EnvType } from '../../codemods/env/find-env';

export interface EnvVariable {
  name: string;
  /** NEXT_PUBLIC_*: inlined into the browser bundle at build time. */
  side: 'client' | 'server';
  secret: boolean;
  type: EnvType;
  values: string[];
  /** A literal fallback the code uses; never kept for a secret. */
  fallback: string | null;
  /** Where it is read, file:line, in order. */
  readAt: string[];
  /** The projects whose code reads it (the app, and the libraries it depends on). */
  projects: string[];
}

const SECRET_WORDS = /(SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE|CREDENTIAL|DATABASE_URL|CONNECTION_STRING|DSN)/;

/** Secret-like by name: SECRET, TOKEN, PASSWORD, …, or `_KEY` unless PUBLIC/PUBLISHABLE (the NEXT_PUBLIC_ prefix aside). */
export function isSecretLike(name: string): boolean {
  const bare = name.replace(/^NEXT_PUBLIC_/, '');
  if (SECRET_WORDS.test(bare)) return true;
  return /(^|_)KEY($|_)/.test(bare) && !/(PUBLIC|PUBLISHABLE)/.test(bare);
}

function typeOf(name: string, reads: EnvRead[]): { type: EnvType; values: string[] } {
  const types = new Set(reads.map((r) => r.type).filter(Boolean));
  const values = [...new Set(reads.flatMap((r) => r.values ?? []))].sort();
  if (types.has('number')) return { type: 'number', values: [] };
  if (types.has('boolean')) return { type: 'boolean', values: [] };
  if (types.has('enum') && values.length > 0) return { type: 'enum', values };
  const fallback = reads.find((r) => r.fallback !== undefined)?.fallback;
  if (/(_URL|_URI)$/.test(name) || (fallback && /^https?:\/\//.test(fallback))) return { type: 'url', values: [] };
  return { type: 'string', values: [] };
}

/** Groups the reads by variable name and classifies each variable. */
export function classify(reads: Array<EnvRead & { project: string }>): EnvVariable[] {
  const byName = new Map<string, Array<EnvRead & { project: string }>>();
  for (const r of reads) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return [...byName.entries()]
    .map(([name, rs]) => {
      const secret = isSecretLike(name);
      const { type, values } = typeOf(name, rs);
      const fallback = rs.find((r) => r.fallback !== undefined)?.fallback ?? null;
      return {
        name,
        side: name.startsWith('NEXT_PUBLIC_') ? ('client' as const) : ('server' as const),
        secret,
        type,
        values,
        fallback: secret ? null : fallback,
        readAt: rs.map((r) => `${r.file}:${r.line}`),
        projects: [...new Set(rs.map((r) => r.project))],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A value that looks like a real secret: a known key prefix, or long and random. */
export function looksLikeRealSecret(value: string): boolean {
  const v = value.trim().replace(/^['"]|['"]$/g, '');
  if (/^(sk_live_|rk_live_|sk-[A-Za-z0-9]{20}|ghp_|gho_|github_pat_|xox[abpr]-|AKIA[0-9A-Z]{12}|AIza[0-9A-Za-z_-]{20}|-----BEGIN)/.test(v))
    return true;
  if (/^[a-z]+:\/\/[^:]+:[^@]{8,}@/.test(v)) return true; // a URL with a password in it
  if (v.length < 24 || /\s/.test(v)) return false;
  const counts = new Map<string, number>();
  for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / v.length) * Math.log2(n / v.length);
  return entropy > 4;
}
