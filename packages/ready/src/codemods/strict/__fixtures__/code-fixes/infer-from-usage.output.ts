// fixture: {"file": "/src/cart.ts", "fixed": {"inferFromUsage": 3}, "explicitAny": 1}
export function total(prices: any[], discount: { amount: any; }) {
  // a comment that stays
  return prices.reduce((sum: number, p: number) => sum + p, 0) - discount.amount;
}

export function label(value: any) {
  return 'label';
}

total([1, 2], { amount: 1 });
