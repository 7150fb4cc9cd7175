// A form of the kit the app never imports: what it reads is not the app's environment.
export function PaymentForm() {
  return <form data-key={process.env.NEXT_PUBLIC_PAY_KEY}>{process.env.NEXT_PUBLIC_PAY_LIVE_KEY}</form>;
}
