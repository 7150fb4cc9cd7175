// fixture: {"file": "/app/list.tsx", "lines": [4]}
export const List = ({ items }: { items: string[] }) => (
  <ul>
    {/* @ts-expect-error plinto-ready(strict) TS18048: 'items' is possibly 'undefined'. */}
    {items.map((i) => <li key={i}>{i}</li>)}
  </ul>
);
