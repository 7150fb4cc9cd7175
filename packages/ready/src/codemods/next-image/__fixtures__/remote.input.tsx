// fixture: {"file": "apps/web/app/gallery.tsx", "remoteHosts": [{"protocol": "https", "hostname": "cdn.example.com"}]}
export function Gallery() {
  return <img src="https://cdn.example.com/photos/a.jpg" width={600} height={400} alt="A photo" fetchPriority="high" />;
}
