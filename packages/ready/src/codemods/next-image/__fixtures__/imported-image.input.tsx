// fixture: {"file": "apps/web/app/brand.tsx", "skips": ["svg"]}
import logo from './logo.png';
import mark from './mark.svg';

export const Brand = () => (
  <header>
    <img src={logo} alt="Acme" />
    <img src={mark} alt="" />
  </header>
);
