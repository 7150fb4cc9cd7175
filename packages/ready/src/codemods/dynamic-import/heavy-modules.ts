/**
 * Client libraries heavy enough to keep out of a route's first load: charts, editors, maps, PDF,
 * syntax highlighters, 3D, animation. `pkg/*` matches every subpath and scoped sibling.
 */
export const HEAVY_MODULES = [
  // charts
  'recharts',
  'chart.js',
  'react-chartjs-2',
  '@nivo/*',
  'victory',
  'echarts',
  'echarts-for-react',
  'highcharts',
  'highcharts-react-official',
  'apexcharts',
  'react-apexcharts',
  'plotly.js',
  'react-plotly.js',
  '@visx/*',
  // editors
  '@tiptap/react',
  '@tiptap/*',
  'slate-react',
  'draft-js',
  'react-quill',
  'quill',
  '@monaco-editor/react',
  'monaco-editor',
  '@uiw/react-codemirror',
  '@codemirror/*',
  '@lexical/react',
  'lexical',
  // maps
  'mapbox-gl',
  'react-map-gl',
  'leaflet',
  'react-leaflet',
  '@react-google-maps/api',
  'ol',
  // PDF
  'react-pdf',
  '@react-pdf/renderer',
  'pdfjs-dist',
  'jspdf',
  // syntax highlighting
  'react-syntax-highlighter',
  'prismjs',
  'highlight.js',
  'shiki',
  // 3D and animation
  'three',
  '@react-three/fiber',
  '@react-three/drei',
  'lottie-react',
  'lottie-web',
  '@lottiefiles/react-lottie-player',
  'gsap',
];

export function isHeavy(specifier: string, modules: readonly string[]): boolean {
  return modules.some((m) =>
    m.endsWith('/*')
      ? specifier === m.slice(0, -2) || specifier.startsWith(m.slice(0, -1))
      : specifier === m || specifier.startsWith(`${m}/`),
  );
}
