// fixture: {"file": "/src/listing.ts", "suppressed": 1, "fixed": {"inferFromUsage": 1}}
export function headline(item) {
  return `${item.title} ${item.subtitle} ${item.description} ${item.category} ${item.priceInCents} ${item.currencyCode} ${item.availableFrom}`;
}

export function twice(n) {
  return n * 2;
}
