// fixture: {"file": "/src/listing.ts", "suppressed": 1, "fixed": {"inferFromUsage": 1}}
// @ts-expect-error plinto-ready(strict) TS7006: Parameter 'item' implicitly has an 'any' type.
export function headline(item) {
  return `${item.title} ${item.subtitle} ${item.description} ${item.category} ${item.priceInCents} ${item.currencyCode} ${item.availableFrom}`;
}

export function twice(n: number) {
  return n * 2;
}
