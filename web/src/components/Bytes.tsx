import { exactBytes, formatBytes } from '../lib/format';

/** A human-readable size; hover shows the exact byte count. */
export function Bytes({ value }: { value: number }) {
  return (
    <span className="bytes" title={exactBytes(value)}>
      {formatBytes(value)}
    </span>
  );
}
