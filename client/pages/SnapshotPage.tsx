// Placeholder until the page is built; the route exists so navigation can be wired first.
export default function SnapshotPage() {
  return <h1>Coming soon</h1>;
}
