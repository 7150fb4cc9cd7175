// fixture: {"file": "apps/web/emails/welcome.tsx", "skips": ["email"]}
import { Html } from '@react-email/components';

export const Welcome = () => (
  <Html>
    <img src="https://cdn.example.com/logo.png" width={64} height={64} alt="Logo" />
  </Html>
);
