// fixture: {"file": "apps/web/app/pixel.tsx", "skips": ["data-uri"]}
export const Pixel = () => <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width={1} height={1} alt="" />;
