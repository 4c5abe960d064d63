export function PageLoading() {
  return (
    <div className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>Loading page…</span>
    </div>
  );
}
