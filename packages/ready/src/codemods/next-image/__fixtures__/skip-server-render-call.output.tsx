// fixture: {"file": "apps/web/lib/card.tsx", "skips": ["server-markup", "server-markup"]}
import { toSvg } from './render';

declare function satori(node: unknown, options: unknown): Promise<string>;
declare const server: { renderToString(node: unknown): string };

export const card = () => satori(<img src="https://cdn.example.com/bg.png" width={1200} height={630} alt="" />, {});
export const html = () => server.renderToString(<section><img src="/hero.png" width={10} height={10} alt="" /></section>);
export const other = toSvg;
