// fixture: {"file": "apps/web/app/card.tsx", "skips": ["no-dimensions"]}
export const Card = () => <img src="https://cdn.example.com/a.jpg" alt="" />;
