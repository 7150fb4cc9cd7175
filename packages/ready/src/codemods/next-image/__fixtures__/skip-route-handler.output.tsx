// fixture: {"file": "apps/web/app/feed/route.tsx", "skips": ["route-handler"]}
export function GET() {
  const preview = <img src="https://cdn.example.com/feed.png" width={64} height={64} alt="" />;
  return new Response(String(preview));
}
