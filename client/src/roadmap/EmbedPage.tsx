export function EmbedPage({ id }: { id: string; token: string }) {
  return <div>{id}</div>
}
