// fixture: {"file": "/app/list.tsx", "lines": [4]}
export const List = ({ items }: { items: string[] }) => (
  <ul>
    {items.map((i) => <li key={i}>{i}</li>)}
  </ul>
);
