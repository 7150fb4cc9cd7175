// fixture: {"file": "apps/web/pages/report.tsx"}
import { Document } from 'react-pdf';

export const dynamic = 'force-dynamic';

export default function Report() {
  return <Document file="/report.pdf" />;
}
