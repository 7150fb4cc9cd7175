// fixture: {"file": "apps/web/app/logo.tsx"}
export const Logo = () => (
  <a href="/">
    <img src="/hero.png" alt="Home"></img>
  </a>
);
