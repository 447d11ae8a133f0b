/**
 * One structured line per request: reference, area code, outcome, status and timing. Never a name,
 * a contact detail or anything the person wrote: the fields below are the only ones there are.
 */
export type RequestLog = {
  outcome: string;
  status: number;
  ms: number;
  reference?: string;
  area?: string;
  /** For delivery failures: the SMTP error class (e.g. ECONNECTION, ETIMEDOUT), never its message. */
  error?: string;
  /** For a caught bot: which check caught it (hidden-field, token-missing, token-too-soon…). */
  reason?: string;
};

export type Logger = (entry: RequestLog) => void;

let pending: string[] = [];

/** Lines written together once per turn of the event loop: one write, not one per request. */
export const jsonLineLogger: Logger = (entry) => {
  if (pending.length === 0) setImmediate(flush);
  pending.push(JSON.stringify({ time: new Date().toISOString(), event: 'referral', ...entry }));
};

function flush(): void {
  const lines = pending;
  pending = [];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export const silentLogger: Logger = () => {};
