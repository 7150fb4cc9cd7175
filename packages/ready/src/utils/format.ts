/** Bytes as the build reports show them: kB of 1000 bytes, one decimal ("127.5 kB"). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
