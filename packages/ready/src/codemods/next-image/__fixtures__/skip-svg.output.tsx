// fixture: {"file": "apps/web/app/icon.tsx", "skips": ["svg"]}
export const Icon = () => <img src="/logo.svg" width={24} height={24} alt="Logo" />;
