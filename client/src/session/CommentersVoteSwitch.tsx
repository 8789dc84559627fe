// The owner's switch: whether people on commenter links may vote in this session's votes
// (the server then accepts their own ballots, nothing else).
export function CommentersVoteSwitch({
  value,
  onChange,
}: {
  value: boolean
  onChange(allowed: boolean): void
}) {
  return (
    <label className="ss-options__row ss-switch">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span>
        Commenter links may vote
        <span className="ss-muted"> · viewer links always only watch</span>
      </span>
    </label>
  )
}
