// fixture: {"file": "apps/web/pages/api/embed.tsx", "skips": ["route-handler"]}
export default function handler(_req: unknown, res: { send(body: unknown): void }) {
  res.send(<img src="/hero.png" alt="" />);
}
