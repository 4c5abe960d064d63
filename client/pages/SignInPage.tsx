// Placeholder until the page is built; the route exists so navigation can be wired first.
export default function SignInPage() {
  return <h1>Coming soon</h1>;
}
