/**
 * Used / quota as a bar. Nothing is drawn as a measurement that is not one: an unmeasured project
 * or one without a quota gets an empty, muted track.
 */
export function CapacityBar({ usedBytes, quotaBytes }: { usedBytes: number | null; quotaBytes: number }) {
  if (usedBytes === null || quotaBytes === 0) {
    return <div className="bar bar-empty" aria-hidden="true" />;
  }
  const ratio = usedBytes / quotaBytes;
  const percent = Math.round(ratio * 100);
  const level = ratio >= 1 ? 'over' : ratio >= 0.8 ? 'warn' : 'ok';
  return (
    <div
      className={`bar bar-${level}`}
      role="meter"
      aria-label="Capacity used"
      aria-valuemin={0}
      aria-valuemax={quotaBytes}
      aria-valuenow={Math.min(usedBytes, quotaBytes)}
      aria-valuetext={`${percent}% of quota`}
      title={`${percent}% of quota`}
    >
      <div className="bar-fill" style={{ width: `${Math.min(ratio, 1) * 100}%` }} />
    </div>
  );
}
