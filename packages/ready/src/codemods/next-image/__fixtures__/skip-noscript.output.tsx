// fixture: {"file": "apps/web/app/layout-pixels.tsx", "skips": ["noscript", "noscript"]}
export function Pixels() {
  return (
    <>
      <noscript>
        <img src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1" width="1" height="1" alt="" />
      </noscript>
      <noscript>
        <div style={{ display: 'none' }}>
          <img src="https://analytics.example.com/pixel.png" width={32} height={32} alt="" />
        </div>
      </noscript>
    </>
  );
}
