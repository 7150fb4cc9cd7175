// fixture: {"file": "apps/web/app/hero.spec.tsx", "skips": ["test-file"]}
it('renders', () => {
  render(<img src="/hero.png" alt="Hero" />);
});
