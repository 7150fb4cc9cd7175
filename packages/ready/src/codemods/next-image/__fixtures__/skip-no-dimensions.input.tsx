// fixture: {"file": "apps/web/app/card.tsx", "skips": ["no-dimensions"]}
export const Card = ({ url }: { url: string }) => <img src={url} alt="" className="w-full h-auto" />;
