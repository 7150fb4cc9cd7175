// fixture: {"file": "apps/web/lib/receipt.tsx", "skips": ["server-markup"]}
import { renderToStaticMarkup } from 'react-dom/server';

export function receiptHtml(total: string): string {
  return renderToStaticMarkup(
    <div>
      <img src="/logo.png" width={120} height={40} alt="Shop" />
      <p>{total}</p>
    </div>,
  );
}
