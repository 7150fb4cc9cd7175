// fixture: {"file": "apps/web/pages/report.tsx"}
import dynamic2 from 'next/dynamic';

const Document = dynamic2(() => import('react-pdf').then((mod) => mod.Document), { loading: () => null });

export const dynamic = 'force-dynamic';

export default function Report() {
  return <Document file="/report.pdf" />;
}
