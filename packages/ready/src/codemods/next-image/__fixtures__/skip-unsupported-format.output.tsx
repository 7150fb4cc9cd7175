// fixture: {"file": "apps/web/app/archive.tsx", "skips": ["unsupported-format", "unsupported-format", "unsupported-format"]}
export const Archive = () => (
  <div>
    <img src="/scans/page-1.tiff" alt="Scan" />
    <img src="/photos/IMG_0001.HEIC" width={400} height={300} alt="Photo" />
    <img src="https://cdn.example.com/art/piece.jxl?v=2" width={640} height={480} alt="Art" />
  </div>
);
