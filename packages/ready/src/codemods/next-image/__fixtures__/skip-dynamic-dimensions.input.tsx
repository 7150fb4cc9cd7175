// fixture: {"file": "apps/web/app/thumb.tsx", "skips": ["dynamic-dimensions"]}
export const Thumb = ({ url, size }: { url: string; size: number }) => <img src={url} width={size} height={size} alt="" />;
