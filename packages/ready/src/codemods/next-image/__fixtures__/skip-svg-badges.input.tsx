// fixture: {"file": "apps/web/app/readme-badges.tsx", "skips": ["svg", "svg", "svg", "svg"]}
export const Badges = () => (
  <p>
    <img src="https://img.shields.io/npm/v/react" width={80} height={20} alt="npm" />
    <img src="https://github.com/acme/shop/actions/workflows/ci.yml/badge.svg?branch=main" width={90} height={20} alt="CI" />
    <img src="https://codecov.io/gh/acme/shop/branch/main/graph/badge" width={90} height={20} alt="coverage" />
    <img src="https://charts.example.com/render?format=svg&id=7" width={400} height={300} alt="chart" />
  </p>
);
